package dev.vectorizer.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.QuotaJson;
import dev.vectorizer.domain.json.UsageJson;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.UsageReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QuotaValuesTest {

    @Test
    void aPlanFallsBackToTheDefaultsLimitByLimit() {
        Quota plan = new Quota(Map.of(Limit.MAX_VECTORS, 100L));
        Quota defaults = new Quota(Map.of(Limit.MAX_VECTORS, 5L, Limit.RPM, 60L));
        Quota effective = plan.orElse(defaults);
        assertThat(effective.limit(Limit.MAX_VECTORS)).hasValue(100);
        assertThat(effective.limit(Limit.RPM)).hasValue(60);
        assertThat(effective.limit(Limit.MAX_COLLECTIONS)).isEmpty();
    }

    @Test
    void capacitiesMayBeZeroButRatesAllowAtLeastOneRequest() {
        assertThat(new Quota(Map.of(Limit.MAX_COLLECTIONS, 0L)).limit(Limit.MAX_COLLECTIONS)).hasValue(0);
        assertThatThrownBy(() -> new Quota(Map.of(Limit.RPM, 0L))).isInstanceOf(InvalidValueException.class).hasMessageContaining("rpm");
        assertThatThrownBy(() -> new Quota(Map.of(Limit.MAX_VECTORS, -1L))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theQuotaJsonNamesEveryLimitAndRefusesUnknownOnes() {
        Quota read = QuotaJson.read(JsonFields.body(Json.parse("{\"max_vectors\":10,\"rpm\":null,\"max_storage_bytes\":1048576}")));
        assertThat(read.limits()).containsExactly(Map.entry(Limit.MAX_VECTORS, 10L), Map.entry(Limit.MAX_STORAGE_BYTES, 1048576L));
        assertThat(Json.write(QuotaJson.write(read))).isEqualTo("{\"max_vectors\":10,\"max_storage_bytes\":1048576}");
        assertThatThrownBy(() -> QuotaJson.read(JsonFields.body(Json.parse("{\"max_vector\":10}"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("max_vector");
        assertThatThrownBy(() -> QuotaJson.read(JsonFields.body(Json.parse("{\"rpm\":1.5}")))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aStandingShowsUnlimitedAsNull() {
        String json = Json.write(QuotaJson.standing(new TenantId("acme"), List.of(
                new LimitUse(Limit.MAX_VECTORS, OptionalLong.of(10), 12), new LimitUse(Limit.RPM, OptionalLong.empty(), 3))));
        assertThat(json).isEqualTo("{\"tenant_id\":\"acme\",\"quotas\":{\"max_vectors\":{\"limit\":10,\"used\":12,\"remaining\":0},"
                + "\"rpm\":{\"limit\":null,\"used\":3,\"remaining\":null}}}");
    }

    @Test
    void storedBytesCountValuesAndTheJsonOfIdPayloadAndText() {
        Vector plain = new Vector(new VectorId("a"), new float[] {1, 2, 3}, Payload.EMPTY);
        assertThat(plain.storedBytes()).isEqualTo(12 + 3 + 2); // "a" and {}
        Vector text = new Vector(new VectorId("é"), new float[] {1}, new Payload(Map.of("k", "v")), Optional.of("hi"));
        assertThat(text.storedBytes()).isEqualTo(4 + 4 + 9 + 4); // "é" is 2 bytes; {"k":"v"}; "hi"
    }

    @Test
    void windowsAreAlignedToTheUtcClock() {
        Instant now = Instant.parse("2026-11-29T10:15:42.5Z");
        assertThat(RateWindow.MINUTE.start(now)).isEqualTo(Instant.parse("2026-11-29T10:15:00Z"));
        assertThat(RateWindow.HOUR.untilReset(now)).isEqualTo(Duration.ofMinutes(44).plusMillis(17_500));
        assertThat(RateWindow.DAY.end(now)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(new RateLimitStatus(10, 0, Duration.ofMillis(1)).resetSeconds()).isEqualTo(1);
    }

    @Test
    void aReportSurvivesItsStoredForm() {
        UsageReport report = new UsageReport("r-1", new TenantId("acme"), Instant.parse("2026-11-29T10:00:00Z"),
                Instant.parse("2026-11-29T10:05:00Z"), List.of(new CollectionUsage(new CollectionName("docs"), 3, 120)), 42, true);
        String json = Json.write(UsageJson.report(report));
        assertThat(json).contains("\"final\":true").contains("\"requests\":42");
        assertThat(UsageJson.report(JsonFields.body(Json.parse(json)))).isEqualTo(report);
    }

    @Test
    void aRefusalFromTheControlPlaneSaysWhatItKnows() {
        QuotaCheck check = new QuotaCheck(new TenantId("acme"), QuotaCheck.Operation.INSERT_VECTORS, 5);
        QuotaExceededException refusal = new QuotaDecision(false, OptionalLong.of(100), OptionalLong.of(2)).refusal(check);
        assertThat(List.of(refusal.quota(), refusal.limit(), refusal.used(), refusal.requested()))
                .containsExactly(Limit.MAX_VECTORS, 100L, 98L, 5L);
    }
}
