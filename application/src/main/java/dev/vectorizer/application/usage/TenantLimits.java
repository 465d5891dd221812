package dev.vectorizer.application.usage;

import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.out.TenantQuotaPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The limits in force for a tenant: its control plane's plan, each limit it leaves out the installation's default. */
@ApplicationScoped
public class TenantLimits {

    private final TenantQuotaPort plans;
    private final UsageSettings settings;

    @Inject
    public TenantLimits(TenantQuotaPort plans, UsageSettings settings) {
        this.plans = plans;
        this.settings = settings;
    }

    /** For the CDI client proxy only. */
    protected TenantLimits() {
        this(null, null);
    }

    /** Throws {@link dev.vectorizer.domain.UnavailableException} when the control plane cannot say now. */
    public Quota of(TenantId tenant) {
        return plans.quotaOf(tenant).orElse(settings.defaults());
    }
}
