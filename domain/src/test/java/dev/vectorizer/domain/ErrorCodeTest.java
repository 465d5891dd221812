package dev.vectorizer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.MalformedJsonException;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every domain failure has one name on every interface. */
class ErrorCodeTest {

    @Test
    void eachDomainFailureHasItsCode() {
        assertThat(ErrorCode.of(catchThrowable(() -> Json.parse("{")))).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(ErrorCode.of(new MalformedJsonException("not an object"))).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(ErrorCode.of(new TooLargeException("big"))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ErrorCode.of(new InvalidValueException("bad"))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(ErrorCode.of(new AuthenticationException(AuthenticationException.Reason.MISSING))).isEqualTo(ErrorCode.AUTH_MISSING_KEY);
        assertThat(ErrorCode.of(new AuthenticationException(AuthenticationException.Reason.INVALID))).isEqualTo(ErrorCode.AUTH_INVALID_KEY);
        assertThat(ErrorCode.of(new ForbiddenException("no"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(ErrorCode.of(new NotFoundException("gone"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.of(new ConflictException("taken"))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ErrorCode.of(new TooManyFailuresException(Duration.ofMinutes(5)))).isEqualTo(ErrorCode.AUTH_BLOCKED);
        assertThat(ErrorCode.of(new UnavailableException("later"))).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void anythingElseIsABug() {
        assertThat(ErrorCode.of(new IllegalStateException("oops"))).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ErrorCode.of(new IllegalArgumentException("not a domain refusal"))).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ErrorCode.of(new OutOfMemoryError())).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
