package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.AdoptSingleModeDataUseCase;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Migration from single mode: a named tenant adopts the collections single mode kept under {@code default}. */
@ApplicationScoped
public class SingleModeAdoptionService implements AdoptSingleModeDataUseCase {

    private final TenantDirectoryPort directory;
    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final AuditLogPort audit;
    private final QuotaLedger ledger;
    private final Clock clock;

    @Inject
    public SingleModeAdoptionService(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, AuditLogPort audit,
            QuotaLedger ledger) {
        this(directory, catalog, index, audit, ledger, Clock.systemUTC());
    }

    SingleModeAdoptionService(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, AuditLogPort audit,
            QuotaLedger ledger, Clock clock) {
        this.directory = directory;
        this.catalog = catalog;
        this.index = index;
        this.audit = audit;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected SingleModeAdoptionService() {
        this(null, null, null, null, null, null);
    }

    /**
     * Per collection: move the files, record the collection under the new owner, drop the old
     * record. Every step is skipped when already done, so an interrupted run can simply be repeated.
     * A name the tenant already uses for another collection stops the whole migration up front.
     * The administrator moves existing data: the tenant's quota does not stop it (what it holds is
     * counted afresh afterwards, and further growth is refused while it is over a limit).
     */
    @Override
    public List<CollectionName> adoptSingleModeData(Caller.InstallationAdmin admin, TenantId tenant) {
        TenantLookup.require(directory, tenant);
        InvalidValueException.require(!tenant.equals(TenantId.DEFAULT), "the default tenant cannot adopt its own data");
        if (directory.findTenant(TenantId.DEFAULT).isPresent()) {
            // created before 'default' was reserved: what is stored under it is that tenant's, not single mode's
            throw new ConflictException("a tenant named 'default' exists; its collections are not single mode's to adopt");
        }
        List<Collection> moving = catalog.list(TenantId.DEFAULT);
        for (Collection source : moving) {
            catalog.find(new CollectionRef(tenant, source.ref().name()))
                    .filter(existing -> !isMovedCopyOf(existing, source))
                    .ifPresent(existing -> {
                        throw new ConflictException("tenant '" + tenant + "' already has a collection '" + source.ref().name() + "'");
                    });
        }
        for (Collection source : moving) {
            Collection target = source.movedTo(new CollectionRef(tenant, source.ref().name()));
            index.move(source, target);
            if (catalog.find(target.ref()).isEmpty()) {
                catalog.add(target);
            }
            catalog.remove(source);
            audit.record(AuditEvent.success(clock.instant(), admin, tenant, AuditEvent.Action.COLLECTION_ADOPT, source.ref().name().value()));
        }
        ledger.forget(TenantId.DEFAULT);
        ledger.forget(tenant);
        return moving.stream().map(c -> c.ref().name()).toList();
    }

    /** An interrupted run may have recorded the target already: same settings, same creation time. */
    private static boolean isMovedCopyOf(Collection existing, Collection source) {
        return existing.spec().equals(source.spec()) && existing.createdAt().equals(source.createdAt());
    }
}
