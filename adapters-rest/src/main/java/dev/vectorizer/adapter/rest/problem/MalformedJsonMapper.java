package dev.vectorizer.adapter.rest.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;

/** A body that is not JSON, or not JSON of the expected shape, is a 400. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return malformed();
    }

    static Response malformed() {
        return Problem.of(ErrorType.MALFORMED_JSON, "The request body is not valid JSON of the expected shape.").toResponse();
    }

    /** The same answer when the parser, not the binder, fails. */
    @Provider
    public static class ParserFailure implements ExceptionMapper<JsonException> {

        @Override
        public Response toResponse(JsonException exception) {
            return malformed();
        }
    }
}
