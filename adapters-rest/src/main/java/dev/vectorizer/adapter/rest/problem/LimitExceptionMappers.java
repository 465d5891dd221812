package dev.vectorizer.adapter.rest.problem;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 429 for a write over a quota ({@code QUOTA_EXCEEDED} with the quota's figures; no
 * {@code Retry-After}, since waiting frees nothing) and for a request over a rate limit
 * ({@code RATE_LIMIT_EXCEEDED} with {@code Retry-After} and the exhausted window's
 * {@code RateLimit-*} headers).
 */
public final class LimitExceptionMappers {

    private LimitExceptionMappers() {
    }

    @Provider
    public static class QuotaExceeded implements ExceptionMapper<QuotaExceededException> {
        @Override
        public Response toResponse(QuotaExceededException exception) {
            return Response.status(ErrorType.QUOTA_EXCEEDED.status()).type(MediaType.valueOf(Problem.MEDIA_TYPE))
                    .entity(QuotaProblem.of(exception)).build();
        }
    }

    @Provider
    public static class RateLimited implements ExceptionMapper<RateLimitExceededException> {
        @Override
        public Response toResponse(RateLimitExceededException exception) {
            return Problem.of(ErrorType.RATE_LIMIT_EXCEEDED, exception.getMessage()).toResponse(exception);
        }
    }
}
