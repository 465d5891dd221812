package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.UsageJson;
import dev.vectorizer.domain.usage.UsageReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sealed usage report waiting for delivery, stored as the JSON it is delivered as. */
@Entity
@Table(name = "usage_reports", indexes = @Index(name = "usage_reports_due", columnList = "next_attempt_at, created_at"))
@NamedQuery(name = UsageReportEntity.DUE,
        query = "SELECT r FROM UsageReportEntity r WHERE r.nextAttemptAt <= :now ORDER BY r.createdAt, r.reportId")
@NamedQuery(name = UsageReportEntity.COUNT, query = "SELECT COUNT(r) FROM UsageReportEntity r")
public class UsageReportEntity {

    static final String DUE = "UsageReportEntity.due";
    static final String COUNT = "UsageReportEntity.count";

    @Id
    @Column(name = "report_id", length = 64)
    private String reportId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Lob
    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    protected UsageReportEntity() {
    }

    UsageReportEntity(UsageReport report) {
        this.reportId = report.reportId();
        this.createdAt = report.periodEnd();
        this.body = Json.write(UsageJson.report(report));
        this.nextAttemptAt = report.periodEnd();
    }

    UsageReport report() {
        return UsageJson.report(JsonFields.body(Json.parse(body)));
    }

    int attempts() {
        return attempts;
    }

    void failed(Instant retryAt) {
        attempts++;
        nextAttemptAt = retryAt;
    }
}
