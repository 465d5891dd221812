package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every interface names a refusal the same way: one error type per domain exception. */
class ErrorTypeTest {

    @Test
    void eachDomainExceptionHasItsErrorType() {
        assertThat(ErrorType.of(new InvalidValueException("x"))).isEqualTo(ErrorType.VALIDATION_ERROR);
        assertThat(ErrorType.of(new MalformedJsonException("x"))).isEqualTo(ErrorType.MALFORMED_JSON);
        assertThat(ErrorType.of(new TooLargeException("x"))).isEqualTo(ErrorType.PAYLOAD_TOO_LARGE);
        assertThat(ErrorType.of(NotFoundException.collection(new CollectionName("docs")))).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(ErrorType.of(new ConflictException("x"))).isEqualTo(ErrorType.CONFLICT);
        assertThat(ErrorType.of(new UnavailableException("x"))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(ErrorType.of(new HubUnavailableException("x", Duration.ofSeconds(5)))).isEqualTo(ErrorType.HUB_UNAVAILABLE);
        assertThat(ErrorType.of(new AuthenticationException(AuthenticationException.Reason.MISSING))).isEqualTo(ErrorType.AUTH_MISSING_KEY);
        assertThat(ErrorType.of(new AuthenticationException(AuthenticationException.Reason.INVALID))).isEqualTo(ErrorType.AUTH_INVALID_KEY);
        assertThat(ErrorType.of(new ForbiddenException("x"))).isEqualTo(ErrorType.FORBIDDEN);
        assertThat(ErrorType.of(new TooManyFailuresException(Duration.ofSeconds(5)))).isEqualTo(ErrorType.AUTH_BLOCKED);
        assertThat(ErrorType.of(new QuotaExceededException(Limit.MAX_VECTORS, 10, 9, 2))).isEqualTo(ErrorType.QUOTA_EXCEEDED);
        assertThat(ErrorType.of(new RateLimitExceededException(new RateLimitStatus(5, 0, Duration.ofSeconds(3)), Duration.ofSeconds(3))))
                .isEqualTo(ErrorType.RATE_LIMIT_EXCEEDED);
    }

    @Test
    void anythingElseIsABug() {
        assertThat(ErrorType.of(new IllegalStateException("secret internals"))).isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(ErrorType.of(new NullPointerException())).isEqualTo(ErrorType.INTERNAL_ERROR);
    }

    @Test
    void theProblemDocumentIsRestsShape() {
        assertThat(Json.write(ErrorType.NOT_FOUND.problem("collection 'docs' not found"))).isEqualTo(
                "{\"type\":\"urn:vectorizer:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"collection 'docs' not found\",\"error_type\":\"NOT_FOUND\"}");
    }

    @Test
    void aProblemAnsweredWithAnotherStatusSaysThatStatus() {
        assertThat(ErrorType.VALIDATION_ERROR.problem("URI too long", 414))
                .containsEntry("status", 414).containsEntry("error_type", "VALIDATION_ERROR");
    }
}
