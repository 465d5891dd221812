package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntityTest {

    @Test
    void idsAreVersionSevenUuidsInTheOrderOfTheirEventsMilliseconds() {
        Instant start = Instant.parse("2026-11-30T12:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(AuditEntity.timeOrderedId(start.plusMillis(i)));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        UUID id = UUID.fromString(ids.getFirst());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(start.toEpochMilli());
        var sameMillisecond = new HashSet<String>();
        for (int i = 0; i < 1_000; i++) {
            sameMillisecond.add(AuditEntity.timeOrderedId(start));
        }
        assertThat(sameMillisecond).as("random within a millisecond").hasSize(1_000);
    }
}
