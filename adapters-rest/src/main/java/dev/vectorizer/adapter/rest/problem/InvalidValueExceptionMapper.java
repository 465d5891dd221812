package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A value the domain refused is the caller's mistake: 400 with the domain's reason. */
@Provider
public class InvalidValueExceptionMapper implements ExceptionMapper<InvalidValueException> {

    @Override
    public Response toResponse(InvalidValueException exception) {
        return Problem.of(ErrorType.VALIDATION_ERROR, exception.getMessage()).toResponse();
    }
}
