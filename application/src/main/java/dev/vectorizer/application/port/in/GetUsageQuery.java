package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.usage.UsageStatistics;
import java.util.List;

/** A tenant's own usage: what it holds and asks, and where it stands against its limits. */
public interface GetUsageQuery {

    UsageStatistics statistics(Caller.OfTenant caller);

    /** Every limit of the tenant (capacities, then request rates) with its use and what remains. */
    List<LimitUse> quota(Caller.OfTenant caller);
}
