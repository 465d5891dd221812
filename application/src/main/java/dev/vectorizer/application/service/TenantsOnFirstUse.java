package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * In hub mode HiveHub owns the tenants: one appears here the first time HiveHub vouches for it (a
 * key of it, a call for it), with HiveHub's id and name, and no administrator step. Its name
 * follows HiveHub's. Reserved ids are the caller's to refuse before asking.
 */
final class TenantsOnFirstUse {

    private final TenantDirectoryPort directory;
    private final Clock clock;

    TenantsOnFirstUse(TenantDirectoryPort directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The tenant {@code id} as recorded here, recorded now (active) if it was not; in whatever state it is. */
    Tenant ensure(TenantId id, String hubName) {
        String name = nameFor(hubName, id);
        Optional<Tenant> known = directory.findTenant(id);
        if (known.isPresent()) {
            Tenant tenant = known.get();
            if (!tenant.name().equals(name) && tenant.status() == TenantStatus.ACTIVE) {
                Tenant renamed = new Tenant(id, name, tenant.status(), tenant.createdAt(), tenant.quota(), tenant.accessList());
                directory.updateTenant(renamed);
                return renamed;
            }
            return tenant;
        }
        Tenant fresh = new Tenant(id, name, TenantStatus.ACTIVE, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            directory.addTenant(fresh, AuditEvent.success(fresh.createdAt(), new Caller.HiveHub(), id, AuditEvent.Action.TENANT_CREATE, id.value()));
        } catch (ConflictException anotherRequestWasFirst) {
            return directory.findTenant(id).orElseThrow(() -> anotherRequestWasFirst);
        }
        return fresh;
    }

    /** HiveHub's name for the tenant, fitted to the names a tenant may have (its id if HiveHub gave none). */
    private static String nameFor(String hubName, TenantId id) {
        String name = hubName == null ? "" : hubName.strip();
        if (name.isEmpty()) {
            return id.value();
        }
        if (name.length() <= Tenant.MAX_NAME_LENGTH) {
            return name;
        }
        int cut = Character.isHighSurrogate(name.charAt(Tenant.MAX_NAME_LENGTH - 1)) ? Tenant.MAX_NAME_LENGTH - 1 : Tenant.MAX_NAME_LENGTH;
        return name.substring(0, cut); // never split a character
    }
}
