package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.quota.RateLimitStatus;
import dev.vectorizer.domain.tenant.Caller;
import java.util.Optional;

/**
 * Admits a request: authenticates it ({@link AuthenticateQuery}) and, for a tenant's caller, counts
 * it against the tenant's rate limits (and its key's own, where it has them) and into its usage.
 * Every inbound adapter asks this first and puts the returned status on its answer.
 */
public interface AdmitRequestQuery {

    /**
     * Who the request acts for, and where it stands against its rate limits (empty when the caller
     * has none: the installation administrator, or a tenant without any).
     */
    record Admission(Caller caller, Optional<RateLimitStatus> rateLimit) {
    }

    /**
     * The admitted request. Throws what {@link AuthenticateQuery#authenticate} throws, and
     * {@link dev.vectorizer.domain.quota.RateLimitExceededException} when the request is over a rate
     * limit (it is then not counted).
     */
    Admission admit(AuthenticateQuery.Credentials credentials);
}
