package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.QuotaCheckPort;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import jakarta.enterprise.context.ApplicationScoped;

/** Without HiveHub the installation's own limits are the only ones: the control plane approves every write. */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.LOCAL)
public class LocalQuotaApprovals implements QuotaCheckPort {

    @Override
    public QuotaDecision check(QuotaCheck check) {
        return QuotaDecision.ALLOWED;
    }
}
