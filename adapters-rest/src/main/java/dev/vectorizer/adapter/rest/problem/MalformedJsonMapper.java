package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.MalformedJsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON (or not a JSON object) is a 400 saying where it goes wrong. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<MalformedJsonException> {

    @Override
    public Response toResponse(MalformedJsonException exception) {
        return Problem.of(ErrorType.MALFORMED_JSON, exception.getMessage()).toResponse();
    }
}
