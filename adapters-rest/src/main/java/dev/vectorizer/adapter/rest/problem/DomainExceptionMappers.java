package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.QuotaExceededException;
import dev.vectorizer.domain.UnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The domain's "not found", "conflict", "quota exceeded" and "unavailable" outcomes as problems. */
public final class DomainExceptionMappers {

    private DomainExceptionMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException exception) {
            return Problem.of(ErrorType.NOT_FOUND, exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException exception) {
            return Problem.of(ErrorType.CONFLICT, exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Unavailable implements ExceptionMapper<UnavailableException> {
        @Override
        public Response toResponse(UnavailableException exception) {
            return Response.fromResponse(Problem.of(ErrorType.UNAVAILABLE, exception.getMessage()).toResponse())
                    .header("Retry-After", "30").build();
        }
    }

    @Provider
    public static class QuotaExceeded implements ExceptionMapper<QuotaExceededException> {
        @Override
        public Response toResponse(QuotaExceededException exception) {
            return Problem.of(ErrorType.QUOTA_EXCEEDED, exception.getMessage()).toResponse();
        }
    }
}
