package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The domain's "not found", "conflict" and "unavailable" (HiveHub's too) outcomes as problems. */
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
            return unavailable(ErrorType.UNAVAILABLE, exception);
        }
    }

    /** HiveHub must decide and cannot: 503 {@code HUB_UNAVAILABLE}, with when to retry. */
    @Provider
    public static class HubUnavailable implements ExceptionMapper<HubUnavailableException> {
        @Override
        public Response toResponse(HubUnavailableException exception) {
            return unavailable(ErrorType.HUB_UNAVAILABLE, exception);
        }
    }

    private static Response unavailable(ErrorType type, UnavailableException exception) {
        return Problem.of(type, exception.getMessage()).toResponse(exception);
    }
}
