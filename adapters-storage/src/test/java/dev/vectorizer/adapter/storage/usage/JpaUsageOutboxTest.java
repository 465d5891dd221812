package dev.vectorizer.adapter.storage.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.adapter.storage.metadata.AuditEvents;
import dev.vectorizer.adapter.storage.metadata.JpaTenantDirectory;
import dev.vectorizer.adapter.storage.metadata.LocalTenantQuotas;
import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import dev.vectorizer.application.port.out.UsageOutboxPort.PendingReport;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox and request counts on H2: what a report takes, what survives a reopen, what delivery removes. */
class JpaUsageOutboxTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-29");

    @TempDir
    Path dir;
    private MetadataStore store;
    private JpaUsageOutbox outbox;

    @BeforeEach
    void open() {
        store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        outbox = new JpaUsageOutbox(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        close();
        open();
    }

    @Test
    void aReportTakesTheRequestsCountedSinceTheLastOneAndSurvivesAReopen() {
        outbox.add(Map.of(ACME, Map.of(DAY.minusDays(1), 2L, DAY, 5L), GLOBEX, Map.of(DAY, 1L)), T0);
        outbox.add(Map.of(ACME, Map.of(DAY, 3L)), T0.plusSeconds(10));
        assertThat(outbox.count(ACME, DAY, DAY)).isEqualTo(8);
        assertThat(outbox.count(ACME, DAY.withDayOfMonth(1), DAY)).isEqualTo(10);
        assertThat(outbox.busiest(DAY, 1)).containsExactly(Map.entry(ACME, 8L));
        assertThat(outbox.tenantsWithUnreportedRequests()).containsExactly(ACME, GLOBEX);

        List<CollectionUsage> held = List.of(new CollectionUsage(new CollectionName("docs"), 4, 400));
        UsageReport report = outbox.seal("r1", ACME, T0.plusSeconds(300), held, false);
        assertThat(report).isEqualTo(new UsageReport("r1", ACME, T0, T0.plusSeconds(300), held, 10, false));
        assertThat(outbox.seal("r1", ACME, T0.plusSeconds(999), List.of(), false)).as("sealed once").isEqualTo(report);
        assertThat(outbox.tenantsWithUnreportedRequests()).containsExactly(GLOBEX);

        outbox.add(Map.of(ACME, Map.of(DAY, 1L)), T0.plusSeconds(310));
        reopen();
        UsageReport next = outbox.seal("r2", ACME, T0.plusSeconds(600), List.of(), false);
        assertThat(next.periodStart()).isEqualTo(T0.plusSeconds(300));
        assertThat(next.requests()).isEqualTo(1);
        assertThat(outbox.dueReports(T0.plusSeconds(600), 10)).extracting(p -> p.report().reportId()).containsExactly("r1", "r2");
    }

    @Test
    void aFailedDeliveryWaitsAndADeliveredOneIsGone() {
        outbox.add(Map.of(ACME, Map.of(DAY, 1L)), T0);
        outbox.seal("r1", ACME, T0, List.of(), false);
        outbox.reportFailed("r1", T0.plusSeconds(60));
        assertThat(outbox.dueReports(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(outbox.dueReports(T0.plusSeconds(60), 10)).extracting(PendingReport::failedAttempts).containsExactly(1);
        assertThat(outbox.pendingReports()).isEqualTo(1);
        outbox.reportDelivered("r1");
        assertThat(outbox.pendingReports()).isZero();
    }

    @Test
    void aFinalReportEndsTheTenantsCount() {
        outbox.add(Map.of(ACME, Map.of(DAY, 4L)), T0);
        assertThat(outbox.seal("final", ACME, T0.plusSeconds(5), List.of(), true).last()).isTrue();
        assertThat(outbox.tenantsWithUnreportedRequests()).isEmpty();
        outbox.add(Map.of(ACME, Map.of(DAY, 1L)), T0.plusSeconds(9));
        assertThat(outbox.seal("again", ACME, T0.plusSeconds(10), List.of(), false).periodStart()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void operationLogEntriesQueueInOrderUntilDelivered() {
        for (int i = 0; i < 5; i++) {
            outbox.appendOperation(new OperationLogEntry("e" + i, T0.plusSeconds(i), ACME, OperationLogEntry.Kind.INSERT_VECTORS,
                    Optional.of(new CollectionName("docs")), OperationLogEntry.Outcome.SUCCESS));
        }
        reopen();
        List<OperationLogEntry> oldest = outbox.oldestOperations(3);
        assertThat(oldest).extracting(OperationLogEntry::entryId).containsExactly("e0", "e1", "e2");
        assertThat(oldest.getFirst().collection()).contains(new CollectionName("docs"));
        outbox.operationsDelivered(oldest.stream().map(OperationLogEntry::entryId).toList());
        assertThat(outbox.pendingOperations()).isEqualTo(2);
    }

    @Test
    void aTenantsPlanIsStoredWithIt() {
        JpaTenantDirectory directory = new JpaTenantDirectory(store);
        Quota plan = new Quota(Map.of(Limit.MAX_VECTORS, 10L, Limit.RPM, 60L));
        AuditEvents.addTenant(directory, new Tenant(ACME, "Acme", TenantStatus.ACTIVE, T0).withQuota(plan));
        AuditEvents.addTenant(directory, new Tenant(GLOBEX, "Globex", TenantStatus.ACTIVE, T0));
        reopen();
        LocalTenantQuotas quotas = new LocalTenantQuotas(new JpaTenantDirectory(store));
        assertThat(quotas.quotaOf(ACME)).isEqualTo(plan);
        assertThat(quotas.quotaOf(GLOBEX)).isEqualTo(Quota.NONE);
        assertThat(quotas.quotaOf(new TenantId("nobody"))).isEqualTo(Quota.NONE);
    }
}
