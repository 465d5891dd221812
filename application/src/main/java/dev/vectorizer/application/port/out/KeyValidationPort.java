package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.tenant.ApiKeySecret;

/**
 * HiveHub's verdict on an API key, cached: a verdict is reused for its time to live, and while
 * HiveHub cannot answer a valid one also for a bounded grace after it; concurrent first asks for
 * one key make one call.
 */
public interface KeyValidationPort {

    /**
     * HiveHub's verdict on {@code key}, fresh or cached. Throws
     * {@link dev.vectorizer.domain.hub.HubUnavailableException} when HiveHub gives no usable answer
     * and no cached verdict may stand in.
     */
    KeyVerdict validate(ApiKeySecret key);

    /** Drops every cached verdict for keys of {@code tenant} (it was deleted), so none of them outlives it. */
    void forgetTenant(TenantId tenant);
}
