package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.QuotaCheckPort;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * HiveHub's approval of a write in hub mode ({@code POST /api/v1/quota/check}), asked every time
 * (a decision is never cached). A "no" comes back with HiveHub's limit and remaining, which the
 * application turns into the refusal ({@code 429 QUOTA_EXCEEDED}); no answer is
 * {@link dev.vectorizer.domain.hub.HubUnavailableException} (the write fails closed).
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.HIVEHUB)
public class HubQuotaApprovals implements QuotaCheckPort {

    private final HubClient client;

    @Inject
    public HubQuotaApprovals(HubClient client) {
        this.client = client;
    }

    /** For the CDI client proxy only. */
    protected HubQuotaApprovals() {
        this(null);
    }

    @Override
    public QuotaDecision check(QuotaCheck check) {
        return client.checkQuota(check);
    }
}
