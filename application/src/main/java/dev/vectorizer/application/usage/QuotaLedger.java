package dev.vectorizer.application.usage;

import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.port.out.QuotaCheckPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.UsageChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Every write that changes what a tenant holds, metered against its capacity limits (collections,
 * vectors, stored bytes, backups), exactly under concurrency: a write <em>reserves</em> what it may
 * add, then is applied, then <em>commits</em> what it did add (or releases the reservation if it
 * failed). A reservation is granted only if what the tenant holds plus every reservation in progress
 * plus this one fits the limit, so racing writes never admit one vector over it. A restore reserves
 * like that, the collections it replaces not counted as used (it drops them). A backup is not
 * reserved: the backup catalog counts a tenant's backups, and counting them and adding one happen
 * under the tenant's lock, a short step.
 *
 * <p>An upsert counts only its new ids. It first reserves its worst case (every id new, no bytes
 * freed) and, when that fits, is applied as usual; the index then says how many ids were new, and
 * the rest is released. When the worst case does not fit, the index measures the exact change
 * under its write ordering before logging the batch ({@link VectorIndexPort#upsert(Collection, List,
 * java.util.function.Consumer)}) and the reservation is made for exactly that, or refused: an
 * update of existing vectors at the limit passes, a new vector over it does not.
 *
 * <p>The control plane approves first ({@link QuotaCheckPort}; the local one always does, HiveHub
 * decides in hub mode): a refusal is final, except that an upsert HiveHub refuses for its worst case
 * may still add as many new vectors as HiveHub says remain.
 *
 * <p>Usage is not stored: a tenant's is computed from its collections' indexes (vector counts and
 * stored bytes) the first time a write or a usage query needs it after a start, and kept in memory
 * from then on (a few numbers per collection). Nothing is computed at start, so a node with 10,000
 * tenants starts as fast as with one; the first write of a tenant after a start opens its collections once.
 */
@ApplicationScoped
public class QuotaLedger {

    /** What a tenant holds. */
    public record Totals(long collections, long vectors, long bytes) {
    }

    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final TenantLimits limits;
    private final QuotaCheckPort approvals;
    private final MetricsPort metrics;
    private final ConcurrentMap<TenantId, TenantAccount> accounts = new ConcurrentHashMap<>();

    @Inject
    public QuotaLedger(CollectionCatalogPort catalog, VectorIndexPort index, TenantLimits limits, QuotaCheckPort approvals, MetricsPort metrics) {
        this.catalog = catalog;
        this.index = index;
        this.limits = limits;
        this.approvals = approvals;
        this.metrics = metrics;
    }

    /** For the CDI client proxy only. */
    protected QuotaLedger() {
        this(null, null, null, null, null);
    }

    /** The tenant's account, its usage loaded. */
    private TenantAccount account(TenantId tenant) {
        TenantAccount account = unloaded(tenant);
        account.loadOnce(() -> catalog.list(tenant), this::statsIfPresent);
        return account;
    }

    /** The tenant's account, its usage perhaps not loaded yet. */
    private TenantAccount unloaded(TenantId tenant) {
        return accounts.computeIfAbsent(tenant, t -> new TenantAccount(metrics));
    }

    private Optional<CollectionStats> statsIfPresent(Collection collection) {
        try {
            return Optional.of(index.stats(collection));
        } catch (NotFoundException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    private void approve(QuotaCheck check) {
        QuotaDecision decision = approvals.check(check);
        if (!decision.allowed()) {
            throw decision.refusal(check);
        }
    }

    /** Runs {@code create} (which makes the collection's index and catalog entry) within the tenant's {@code max_collections}. */
    public void createCollection(Collection collection, Runnable create) {
        TenantId tenant = collection.ref().tenant();
        TenantAccount account = account(tenant);
        approve(new QuotaCheck(tenant, QuotaCheck.Operation.CREATE_COLLECTION, 1));
        Reservation reservation = account.reserve(limits.of(tenant), 1, UsageChange.NONE, true);
        try {
            create.run();
        } catch (RuntimeException e) {
            account.release(reservation);
            throw e;
        }
        account.created(reservation, collection);
    }

    /** Upserts within the tenant's {@code max_vectors} and {@code max_storage_bytes}, counting new ids only. */
    public UsageChange upsert(Collection collection, List<Vector> vectors) {
        TenantId tenant = collection.ref().tenant();
        TenantAccount account = account(tenant);
        QuotaCheck check = new QuotaCheck(tenant, QuotaCheck.Operation.INSERT_VECTORS, vectors.size());
        QuotaDecision decision = approvals.check(check);
        long approved = decision.allowed() ? Long.MAX_VALUE : decision.remaining().orElse(0);
        Quota quota = limits.of(tenant);
        UsageChange worstCase = new UsageChange(vectors.size(), vectors.stream().mapToLong(Vector::storedBytes).sum());
        Reservation reservation = worstCase.vectors() <= approved ? account.reserve(quota, 0, worstCase, false) : null;
        if (reservation != null) {
            UsageChange change;
            try {
                change = index.upsert(collection, vectors);
            } catch (RuntimeException e) {
                account.release(reservation);
                throw e;
            }
            account.applied(reservation, collection, change);
            return change;
        }
        Reservation[] exact = new Reservation[1];
        UsageChange change;
        try {
            change = index.upsert(collection, vectors, measured -> {
                UsageChange growth = new UsageChange(Math.max(0, measured.vectors()), Math.max(0, measured.bytes()));
                if (growth.vectors() > approved) {
                    throw decision.refusal(new QuotaCheck(tenant, QuotaCheck.Operation.INSERT_VECTORS, growth.vectors()));
                }
                exact[0] = account.reserve(quota, 0, growth, true);
            });
        } catch (RuntimeException e) {
            if (exact[0] != null) {
                account.release(exact[0]);
            }
            throw e;
        }
        account.applied(exact[0], collection, change);
        return change;
    }

    /** Deletes vectors by id; what they held is free again. */
    public UsageChange delete(Collection collection, List<VectorId> ids) {
        TenantAccount account = account(collection.ref().tenant());
        UsageChange change = index.delete(collection, ids);
        account.applied(null, collection, change);
        return change;
    }

    /** Deletes the vectors matching a filter; what they held is free again. */
    public UsageChange deleteMatching(Collection collection, Filter filter) {
        TenantAccount account = account(collection.ref().tenant());
        UsageChange change = index.deleteMatching(collection, filter);
        account.applied(null, collection, change);
        return change;
    }

    /** A deleted collection (its catalog entry and files gone): what it held is free again. */
    public void dropped(Collection collection) {
        TenantAccount account = accounts.get(collection.ref().tenant());
        if (account != null) {
            account.dropped(collection);
        }
    }

    /** Forgets a tenant's usage (deleted, or its collections moved by other means); the next use loads it again. */
    public void forget(TenantId tenant) {
        accounts.remove(tenant);
    }

    /** What each of the tenant's collections holds. */
    public List<CollectionUsage> usage(TenantId tenant) {
        return account(tenant).collections();
    }

    /** The tenant's capacity limits with what is used of each (what it holds plus writes in progress). */
    public List<LimitUse> capacities(TenantId tenant) {
        return account(tenant).capacities(limits.of(tenant));
    }

    /** The tenant's {@code max_backups} with what is used of it: {@code existingBackups}, the backup catalog's count. */
    public LimitUse backupCapacity(TenantId tenant, LongSupplier existingBackups) {
        return new LimitUse(Limit.MAX_BACKUPS, limits.of(tenant).limit(Limit.MAX_BACKUPS), existingBackups.getAsLong());
    }

    /** What each tenant whose usage is loaded holds (the tenants this node served writes or usage queries for since it started). */
    public Map<TenantId, Totals> loadedTotals() {
        Map<TenantId, Totals> totals = new HashMap<>();
        accounts.forEach((tenant, account) -> totals.put(tenant, account.totals()));
        return totals;
    }

    /**
     * Reserves room for a restore of {@code vectors} vectors holding {@code bytes} stored bytes into
     * {@code fresh} new collections, replacing the {@code replaced} ones (which add no collection,
     * and whose vectors and bytes the restore gives back when it drops them). Commit with
     * {@link #restored}, which also takes what became live if the restore failed half way.
     */
    public Reservation reserveRestore(TenantId tenant, long fresh, long vectors, long bytes, List<Collection> replaced) {
        TenantAccount account = account(tenant);
        if (fresh > 0) {
            approve(new QuotaCheck(tenant, QuotaCheck.Operation.CREATE_COLLECTION, fresh));
        }
        if (vectors > 0) {
            approve(new QuotaCheck(tenant, QuotaCheck.Operation.INSERT_VECTORS, vectors));
        }
        return account.reserveReplacing(limits.of(tenant), fresh, new UsageChange(vectors, bytes), replaced);
    }

    /**
     * Commits a restore: the reservation is released, the {@code replaced} collections are no longer
     * held, and the {@code restored} ones are, with the vectors and stored bytes each holds.
     */
    public void restored(Reservation reservation, Map<Collection, UsageChange> restored, List<Collection> replaced) {
        reservation.account.restored(reservation, restored, replaced);
    }

    /**
     * Adds one backup (of about {@code bytes}, what the control plane is asked to approve) within
     * {@code max_backups}: {@code add} puts it in the backup catalog, whose count for the tenant is
     * {@code existingBackups}; both run under the tenant's account lock, so concurrent additions
     * never take the tenant over its limit, nor refuse one that fits.
     */
    public void addBackup(TenantId tenant, long bytes, LongSupplier existingBackups, Runnable add) {
        QuotaDecision decision = approvals.check(new QuotaCheck(tenant, QuotaCheck.Operation.CREATE_BACKUP, bytes));
        if (!decision.allowed()) {
            throw decision.refusal(new QuotaCheck(tenant, QuotaCheck.Operation.CREATE_BACKUP, 1)); // one backup was requested
        }
        // a backup draws on no usage of the indexes: idle collections stay closed
        unloaded(tenant).addBackup(limits.of(tenant).limit(Limit.MAX_BACKUPS), existingBackups, add);
    }

    /** Gives back a reservation whose write failed, or whose result is counted elsewhere. */
    public void release(Reservation reservation) {
        reservation.account.release(reservation);
    }
}
