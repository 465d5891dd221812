package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;

/**
 * A tenant's plan limits as its control plane sets them: the local tenant directory (single and
 * standalone modes), or HiveHub (hub mode). A limit the plan leaves out is the installation's default.
 */
public interface TenantQuotaPort {

    /**
     * The tenant's plan ({@link Quota#NONE} for a tenant the control plane sets nothing for). Throws
     * {@link dev.vectorizer.domain.UnavailableException} when the control plane cannot say now.
     */
    Quota quotaOf(TenantId tenant);
}
