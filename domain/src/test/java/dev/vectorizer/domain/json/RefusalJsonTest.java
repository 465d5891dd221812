package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import dev.vectorizer.domain.tenant.AuthenticationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What every interface says of a refusal: the same document, headers and detail. */
class RefusalJsonTest {

    private static final RateLimitExceededException OVER = new RateLimitExceededException(new RateLimitStatus(5, 0, Duration.ofMillis(2_100)),
            Duration.ofMillis(2_100));

    @Test
    void theProblemDocumentOfAQuotaRefusalCarriesItsFiguresAndNoWait() {
        assertThat(RefusalJson.problem(new QuotaExceededException(Limit.MAX_VECTORS, 10, 9, 2), "over"))
                .containsExactly(Map.entry("type", "urn:vectorizer:problem:quota-exceeded"), Map.entry("title", "Quota exceeded"),
                        Map.entry("status", 429), Map.entry("detail", "over"), Map.entry("error_type", "QUOTA_EXCEEDED"),
                        Map.entry("quota", "max_vectors"), Map.entry("limit", 10L), Map.entry("used", 9L), Map.entry("requested", 2L));
        assertThat(RefusalJson.problem(OVER, "slow down")).as("the wait is a header").doesNotContainKey(RefusalJson.RETRY_AFTER)
                .containsEntry("error_type", "RATE_LIMIT_EXCEEDED").containsEntry("status", 429);
    }

    @Test
    void anHttpRefusalChallengesOnA401AndSaysWhenToRetry() {
        assertThat(RefusalJson.headers(new AuthenticationException(AuthenticationException.Reason.MISSING)))
                .containsExactly(Map.entry("WWW-Authenticate", "Bearer"));
        assertThat(RefusalJson.headers(OVER)).containsExactlyEntriesOf(LimitHeaders.refusal(OVER));
        assertThat(RefusalJson.headers(NotFoundException.collection(new CollectionName("docs")))).isEmpty();
    }

    @Test
    void aBugIsToldAsAnIncidentIdOnlyAndLoggedUnderIt() {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        List<LogRecord> logged = new ArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord entry) {
                logged.add(entry);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        IllegalStateException bug = new IllegalStateException("secret internals");

        String detail = RefusalJson.detail(bug, log, "a test");

        assertThat(detail).doesNotContain("secret").matches("Unexpected error; incident [0-9a-f-]{36} is in the server log\\.");
        String incident = detail.substring("Unexpected error; incident ".length(), detail.indexOf(" is in"));
        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(entry.getMessage()).contains("a test").contains(incident);
            assertThat(entry.getThrown()).isSameAs(bug);
        });
        assertThat(RefusalJson.detail(NotFoundException.collection(new CollectionName("docs")), log, "a test"))
                .as("a refusal the domain names says why").contains("docs");
        assertThat(logged).hasSize(1);
    }
}
