package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 401 for missing or bad credentials (never saying which part was wrong), 403 for a refused
 * operation, 429 while a source is blocked after too many failures.
 */
public final class SecurityExceptionMappers {

    private SecurityExceptionMappers() {
    }

    @Provider
    public static class Unauthenticated implements ExceptionMapper<AuthenticationException> {
        @Override
        public Response toResponse(AuthenticationException exception) {
            ErrorType type = exception.reason() == AuthenticationException.Reason.MISSING ? ErrorType.AUTH_MISSING_KEY : ErrorType.AUTH_INVALID_KEY;
            return Response.fromResponse(Problem.of(type, exception.getMessage()).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException exception) {
            return Problem.of(ErrorType.FORBIDDEN, exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Blocked implements ExceptionMapper<TooManyFailuresException> {
        @Override
        public Response toResponse(TooManyFailuresException exception) {
            return Problem.of(ErrorType.AUTH_BLOCKED, exception.getMessage()).toResponse(exception);
        }
    }
}
