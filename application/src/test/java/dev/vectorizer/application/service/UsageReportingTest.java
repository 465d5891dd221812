package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.UsageReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Usage reports and operation logs through the outbox: each request in exactly one report, every
 * report and entry delivered however long the receiver is down, nothing lost to a crash once sealed.
 */
class UsageReportingTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Caller.InstallationAdmin ROOT = new Caller.InstallationAdmin(new ApiKeyId("AAAAAAAAAAAA"));
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock();
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final UsageSettings settings = new UsageSettings(Quota.NONE, INTERVAL, Duration.ofSeconds(10), 2);
    private InMemoryUsage usage = new InMemoryUsage(catalog, index, tenant -> Quota.NONE, settings, clock);

    private void requests(TenantId tenant, int n) {
        for (int i = 0; i < n; i++) {
            usage.requests.count(tenant);
        }
    }

    private long deliveredRequests() {
        return usage.receiver.reports.values().stream().mapToLong(UsageReport::requests).sum();
    }

    @Test
    void everyReportArrivesOnceWhateverTheOutage() {
        for (int round = 0; round < 6; round++) {
            requests(ACME, 10);
            clock.advance(INTERVAL);
            usage.reporting.sealReports();
            usage.receiver.down = round < 4; // down for four intervals
            for (int tick = 0; tick < 300; tick++) {
                clock.advance(Duration.ofSeconds(1));
                usage.reporting.deliver();
            }
        }
        assertThat(usage.receiver.reports).hasSize(6);
        assertThat(deliveredRequests()).isEqualTo(60);
        assertThat(usage.outbox.pendingReports()).isZero();
        assertThat(usage.metrics.count("USAGE_REPORTS:failed")).as("retried, with backoff, while down").isBetween(4L, 100L);
        assertThat(usage.receiver.reports.values()).allSatisfy(r -> assertThat(r.tenant()).isEqualTo(ACME));
        List<UsageReport> ordered = usage.receiver.reports.values().stream()
                .sorted(java.util.Comparator.comparing(UsageReport::periodEnd)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(ordered.get(i).periodStart()).as("periods follow each other").isEqualTo(ordered.get(i - 1).periodEnd());
        }
    }

    @Test
    void aCrashLosesNoSealedReportAndCountsNoRequestTwice() {
        requests(ACME, 7);
        usage.reporting.sealReports();
        requests(ACME, 5);
        usage.requests.flush();
        requests(ACME, 100); // counted in memory only: a crash now loses these
        usage.receiver.down = true;
        usage.reporting.deliver();

        usage = usage.restarted();
        usage.receiver.down = false;
        clock.advance(INTERVAL);
        usage.reporting.sealReports();
        usage.reporting.deliver();
        clock.advance(INTERVAL);
        usage.reporting.deliver();
        assertThat(usage.receiver.reports.values()).extracting(UsageReport::requests).containsExactlyInAnyOrder(7L, 5L);
    }

    @Test
    void aDeletedTenantGetsOneFinalReportOfWhatItHeld() {
        TenantService tenants = new TenantService(directory, new InMemoryPorts.Audit(), new TenantRemoval(directory, catalog, index,
                new InMemoryPorts.HubKeys(), usage.ledger, usage.reporting, new InMemoryPorts.Backups(), new InMemoryPorts.Backups()), clock);
        Caller.OfTenant acme = new Caller.OfTenant(ACME, new Principal.TokenSubject("t"), Set.of(Permission.ADMIN), false);
        CollectionService collections = new CollectionService(catalog, index, new InMemoryPorts.LetterCounts(), new InMemoryPorts.Audit(),
                usage.ledger, usage.operations);
        VectorService vectors = new VectorService(catalog, index, new InMemoryPorts.LetterCounts(), usage.ledger, usage.operations);
        Tenant tenant = tenants.createTenant(ROOT, Optional.of(ACME), "Acme", Quota.NONE);
        collections.create(acme, new CollectionName("docs"), new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE,
                Optional.empty()));
        Vector vector = new Vector(new VectorId("a"), new float[] {1, 0, 0}, Payload.EMPTY);
        vectors.upsert(acme, new CollectionName("docs"), List.of(vector));
        requests(ACME, 3);

        tenants.deleteTenant(ROOT, ACME);
        usage.reporting.finalReport(tenant); // as a resumed deletion would: nothing new
        usage.reporting.deliver();
        assertThat(usage.receiver.reports.values()).singleElement().satisfies(report -> {
            assertThat(report.last()).isTrue();
            assertThat(report.requests()).isEqualTo(3);
            assertThat(report.collections()).containsExactly(new CollectionUsage(new CollectionName("docs"), 1, vector.storedBytes()));
        });
        assertThat(usage.outbox.tenantsWithUnreportedRequests()).isEmpty();
        assertThat(usage.receiver.entries).as("create and insert went to the operation log").hasSize(2);
    }

    @Test
    void operationLogsAreDeliveredInBatchesAndRetried() {
        for (int i = 0; i < 1_200; i++) {
            usage.operations.logged(ACME, dev.vectorizer.domain.usage.OperationLogEntry.Kind.INSERT_VECTORS, new CollectionName("c"), () -> { });
        }
        usage.receiver.down = true;
        usage.reporting.deliver();
        usage.receiver.down = false;
        usage.reporting.deliver();
        assertThat(usage.receiver.entries).as("waiting for the backoff").isEmpty();
        for (int tick = 0; tick < 5; tick++) {
            clock.advance(Duration.ofSeconds(2));
            usage.reporting.deliver();
        }
        assertThat(usage.receiver.entries).hasSize(1_200);
        assertThat(usage.outbox.pendingOperations()).isZero();
    }

    @Test
    void perTenantSeriesStayBoundedAndGaugesReadTheOutbox() {
        for (int t = 0; t < 6; t++) {
            TenantId tenant = new TenantId("t" + t);
            requests(tenant, t + 1);
            usage.ledger.usage(tenant); // loaded, holding nothing
        }
        usage.requests.flush();
        usage.reporting.publishTenantSeries();
        assertThat(usage.metrics.tenants).hasSizeLessThanOrEqualTo(4)
                .extracting(s -> s.tenant().value()).contains("t5", "t4");
        usage.reporting.sealReports();
        assertThat(usage.reporting.gauges().pendingUsageReports()).isEqualTo(6);
        assertThat(usage.reporting.gauges().activeTenants()).isEqualTo(6);
    }
}
