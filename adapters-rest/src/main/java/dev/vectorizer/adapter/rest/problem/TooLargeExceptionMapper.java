package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A value over a size limit of the domain (a payload over 64 KiB, say) is a 413. */
@Provider
public class TooLargeExceptionMapper implements ExceptionMapper<TooLargeException> {

    @Override
    public Response toResponse(TooLargeException exception) {
        return Problem.of(ErrorType.PAYLOAD_TOO_LARGE, exception.getMessage()).toResponse();
    }
}
