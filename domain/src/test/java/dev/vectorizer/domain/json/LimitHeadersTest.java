package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every interface says of a caller's limits: the same headers, the same refusal members. */
class LimitHeadersTest {

    private static final RateLimitExceededException OVER = new RateLimitExceededException(new RateLimitStatus(5, 0, Duration.ofMillis(2_100)),
            Duration.ofMillis(2_100));

    @Test
    void anAdmittedCallerIsToldItsWindowClosestToExhaustionInSecondsRoundedUp() {
        assertThat(LimitHeaders.standing(new RateLimitStatus(60, 59, Duration.ofMillis(30_001))))
                .containsExactly(Map.entry("RateLimit-Limit", "60"), Map.entry("RateLimit-Remaining", "59"), Map.entry("RateLimit-Reset", "31"));
    }

    @Test
    void aRefusalSaysWhenToRetryAndOverARateLimitWhereTheCallerStands() {
        assertThat(LimitHeaders.refusal(OVER)).containsExactly(Map.entry("Retry-After", "3"), Map.entry("RateLimit-Limit", "5"),
                Map.entry("RateLimit-Remaining", "0"), Map.entry("RateLimit-Reset", "3"));
        assertThat(LimitHeaders.refusal(new UnavailableException("x"))).containsOnlyKeys("Retry-After");
        assertThat(LimitHeaders.refusal(new QuotaExceededException(Limit.MAX_VECTORS, 10, 9, 2))).as("waiting frees nothing").isEmpty();
        assertThat(LimitHeaders.refusal(NotFoundException.collection(new CollectionName("docs")))).isEmpty();
    }

    @Test
    void aRefusalsMembersAreItsQuotaFiguresAndItsWait() {
        assertThat(RefusalJson.members(new QuotaExceededException(Limit.MAX_VECTORS, 10, 9, 2)))
                .containsExactly(Map.entry("quota", "max_vectors"), Map.entry("limit", 10L), Map.entry("used", 9L), Map.entry("requested", 2L));
        assertThat(RefusalJson.members(OVER)).containsExactly(Map.entry("retry_after", 3L));
        assertThat(RefusalJson.members(new IllegalStateException("a bug"))).isEmpty();
    }
}
