package dev.vectorizer.bench.failover;

import dev.vectorizer.adapter.hub.HiveHubStandIn;
import dev.vectorizer.bench.harness.Findings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage reports as HiveHub received them against the clients' own count. HiveHub counts a
 * {@code report_id} once, so a retried delivery is no duplicate (but must carry the same report);
 * per tenant, the requests of its distinct reports must lie between what the server surely counted
 * (answers it gave after admission) and that plus the requests it may have counted (a write's 503
 * can come after admission, from HiveHub's approval; a request without an answer). Below: reports
 * lost; above: requests reported twice.
 */
final class UsageAudit {

    /** The outcome: reports received, distinct ids, requests reported and counted by the clients, lost and duplicated. */
    record Result(int received, int distinct, long reported, long surely, long maybe, long lost, long duplicated) {
    }

    private final HiveHubStandIn hub;
    private final Findings findings;

    UsageAudit(HiveHubStandIn hub, Findings findings) {
        this.hub = hub;
        this.findings = findings;
    }

    /**
     * Waits (at most {@code patience}) until every tenant's reports cover what its client surely sent,
     * then {@code settle} more for late or doubled reports, and judges.
     */
    Result audit(List<TenantTraffic> tenants, Duration patience, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !covered(tenants, requestsByTenant(distinct(hub.usageReports(), false)))) {
            Thread.sleep(250);
        }
        Thread.sleep(settle);
        List<HiveHubStandIn.UsageReport> received = hub.usageReports();
        Map<String, HiveHubStandIn.UsageReport> reports = distinct(received, true);
        Map<String, Long> reported = requestsByTenant(reports);
        long lost = 0;
        long duplicated = 0;
        for (TenantTraffic t : tenants) {
            long got = reported.getOrDefault(t.tenant, 0L);
            if (got < t.surelyCounted) {
                lost += t.surelyCounted - got;
                findings.add("usage lost", t.tenant + ": " + got + " requests reported, at least " + t.surelyCounted + " made");
            } else if (got > t.surelyCounted + t.maybeCounted) {
                duplicated += got - t.surelyCounted - t.maybeCounted;
                findings.add("usage counted twice", t.tenant + ": " + got + " requests reported, at most " + (t.surelyCounted + t.maybeCounted) + " made");
            }
        }
        return new Result(received.size(), reports.size(), reported.values().stream().mapToLong(Long::longValue).sum(),
                tenants.stream().mapToLong(t -> t.surelyCounted).sum(), tenants.stream().mapToLong(t -> t.maybeCounted).sum(), lost, duplicated);
    }

    private static boolean covered(List<TenantTraffic> tenants, Map<String, Long> reported) {
        return tenants.stream().allMatch(t -> reported.getOrDefault(t.tenant, 0L) >= t.surelyCounted);
    }

    /** Requests per tenant over the distinct reports. */
    private static Map<String, Long> requestsByTenant(Map<String, HiveHubStandIn.UsageReport> reports) {
        Map<String, Long> requests = new HashMap<>();
        reports.values().forEach(r -> requests.merge(r.tenantId(), r.requests(), Long::sum));
        return requests;
    }

    /** The reports by id; if {@code judge}, a retried delivery that differs from the first is a finding. */
    private Map<String, HiveHubStandIn.UsageReport> distinct(List<HiveHubStandIn.UsageReport> received, boolean judge) {
        Map<String, HiveHubStandIn.UsageReport> byId = new HashMap<>();
        for (HiveHubStandIn.UsageReport report : received) {
            HiveHubStandIn.UsageReport first = byId.putIfAbsent(report.reportId(), report);
            if (judge && first != null && !first.equals(report)) {
                findings.add("a retried report changed", first + " then " + report);
            }
        }
        return byId;
    }
}
