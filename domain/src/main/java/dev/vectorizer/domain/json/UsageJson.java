package dev.vectorizer.domain.json;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import dev.vectorizer.domain.usage.UsageStatistics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage in JSON: a tenant's statistics, the usage reports and operation logs of the control-plane
 * contract (docs/HUB_INTEGRATION.md), and the stored form of a report (the same JSON).
 * <ul>
 *   <li>statistics: {@code {"tenant_id","collections":[{"name","vector_count","storage_bytes"}],
 *       "total":{"collections","vector_count","storage_bytes"},"requests":{"today","this_month"}}};</li>
 *   <li>report: {@code {"report_id","tenant_id","period_start","period_end","collections":[..],
 *       "requests"}}, plus {@code "final":true} on a deleted tenant's last report;</li>
 *   <li>operation log: {@code {"entries":[{"entry_id","at","tenant_id","operation","collection","outcome"}]}}.</li>
 * </ul>
 */
public final class UsageJson {

    private UsageJson() {
    }

    public static Map<String, Object> statistics(UsageStatistics statistics) {
        return Json.object("tenant_id", statistics.tenant().value(),
                "collections", collections(statistics.collections()),
                "total", Json.object("collections", statistics.collections().size(), "vector_count", statistics.vectorCount(),
                        "storage_bytes", statistics.storageBytes()),
                "requests", Json.object("today", statistics.requestsToday(), "this_month", statistics.requestsThisMonth()));
    }

    public static Map<String, Object> report(UsageReport report) {
        Map<String, Object> json = Json.object("report_id", report.reportId(), "tenant_id", report.tenant().value(),
                "period_start", report.periodStart().toString(), "period_end", report.periodEnd().toString(),
                "collections", collections(report.collections()), "requests", report.requests());
        if (report.last()) {
            json.put("final", true);
        }
        return json;
    }

    public static UsageReport report(JsonFields json) {
        List<CollectionUsage> collections = json.objects("collections").stream()
                .map(c -> new CollectionUsage(new CollectionName(c.string("name")), c.optionalLong("vector_count").orElse(0L),
                        c.optionalLong("storage_bytes").orElse(0L)))
                .toList();
        return new UsageReport(json.string("report_id"), new TenantId(json.string("tenant_id")), Instant.parse(json.string("period_start")),
                Instant.parse(json.string("period_end")), collections, json.optionalLong("requests").orElse(0L), json.bool("final", false));
    }

    public static Map<String, Object> operations(List<OperationLogEntry> entries) {
        return Map.of("entries", entries.stream().map(UsageJson::entry).toList());
    }

    private static Map<String, Object> entry(OperationLogEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entry_id", entry.entryId());
        json.put("at", entry.at().toString());
        json.put("tenant_id", entry.tenant().value());
        json.put("operation", entry.operation().wireName());
        json.put("collection", entry.collection().map(CollectionName::value).orElse(null));
        json.put("outcome", entry.outcome().wireName());
        return json;
    }

    private static List<Map<String, Object>> collections(List<CollectionUsage> collections) {
        return collections.stream().map(c -> Json.object("name", c.name().value(), "vector_count", c.vectorCount(),
                "storage_bytes", c.storageBytes())).toList();
    }
}
