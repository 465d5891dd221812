package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;

/**
 * Migration from {@code single} mode: the implicit {@code default} tenant's collections become a
 * named tenant's. Idempotent and safe to re-run after an interruption.
 */
public interface AdoptSingleModeDataUseCase {

    /** Moves every collection of {@code default} to {@code tenant}; returns the names moved by this call. */
    List<CollectionName> adoptSingleModeData(Caller.InstallationAdmin admin, TenantId tenant);
}
