package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.application.port.out.NonceCachePort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.usage.UsageChange;
import dev.vectorizer.domain.tenant.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Simple in-memory stand-ins for the outbound ports, for testing the use cases' own rules. */
final class InMemoryPorts {

    static final class Audit implements AuditLogPort {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> latest(Optional<TenantId> tenant, int limit) {
            return events.reversed().stream().filter(e -> tenant.isEmpty() || e.tenant().equals(tenant)).limit(limit).toList();
        }
    }

    /** HiveHub's verdicts by key text; unknown keys are invalid; {@link #down} makes every ask fail as if HiveHub were down. */
    static final class HubKeys implements KeyValidationPort {
        final Map<String, KeyVerdict> verdicts = new HashMap<>();
        final List<TenantId> forgotten = new ArrayList<>();
        boolean down;
        int asks;

        @Override
        public KeyVerdict validate(ApiKeySecret key) {
            asks++;
            if (down) {
                throw new HubUnavailableException("HiveHub is down", Duration.ofSeconds(7));
            }
            return verdicts.getOrDefault(key.reveal(), new KeyVerdict.Invalid("unknown"));
        }

        @Override
        public void forgetTenant(TenantId tenant) {
            forgotten.add(tenant);
        }
    }

    static final class Nonces implements NonceCachePort {
        final Map<String, Instant> seen = new HashMap<>();

        @Override
        public boolean firstUse(String nonce, Instant now, Instant expiresAt) {
            seen.values().removeIf(until -> !until.isAfter(now));
            return seen.putIfAbsent(nonce, expiresAt) == null;
        }
    }

    static final class Catalog implements CollectionCatalogPort {
        final Map<String, Collection> rows = new TreeMap<>();
        /** Runs once right after the next {@link #find}, as if another request ran in between. */
        Runnable afterNextFind = () -> { };

        @Override
        public synchronized void add(Collection collection) {
            if (rows.putIfAbsent(collection.ref().storageKey(), collection) != null) {
                throw new ConflictException("taken");
            }
        }

        @Override
        public synchronized Optional<Collection> find(CollectionRef ref) {
            Optional<Collection> found = Optional.ofNullable(rows.get(ref.storageKey()));
            Runnable interleaved = afterNextFind;
            afterNextFind = () -> { };
            interleaved.run();
            return found;
        }

        @Override
        public synchronized List<Collection> list(TenantId tenant) {
            return rows.values().stream().filter(c -> c.ref().tenant().equals(tenant)).toList();
        }

        @Override
        public synchronized boolean remove(Collection collection) {
            return rows.remove(collection.ref().storageKey(), collection);
        }

        @Override
        public boolean replace(Collection current, Collection replacement) {
            return rows.replace(current.ref().storageKey(), current, replacement);
        }
    }

    /** Backup records and their archives (as byte arrays) by id; atomic under one lock, like the database. */
    static final class Backups implements BackupCatalogPort, BackupStorePort {
        final Map<BackupId, Backup> records = new LinkedHashMap<>();
        final Map<String, byte[]> archives = new LinkedHashMap<>();

        @Override
        public synchronized void add(Backup backup) {
            records.put(backup.id(), backup);
        }

        @Override
        public synchronized boolean update(Backup backup) {
            return records.replace(backup.id(), backup) != null;
        }

        @Override
        public synchronized Optional<Backup> find(BackupId id) {
            return Optional.ofNullable(records.get(id));
        }

        @Override
        public synchronized List<Backup> list(TenantId tenant) {
            return records.values().stream().filter(b -> b.owner().equals(tenant)).toList();
        }

        @Override
        public synchronized List<Backup> withStatus(BackupStatus status) {
            return records.values().stream().filter(b -> b.status() == status).toList();
        }

        @Override
        public synchronized boolean remove(BackupId id) {
            return records.remove(id) != null;
        }

        @Override
        public synchronized PendingArchive create(TenantId tenant, BackupId id) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            return new PendingArchive() {
                @Override
                public OutputStream stream() {
                    return bytes;
                }

                @Override
                public void commit() {
                    synchronized (Backups.this) {
                        archives.put(tenant + "/" + id, bytes.toByteArray());
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public synchronized InputStream open(TenantId tenant, BackupId id, long offset) {
            byte[] archive = archives.get(tenant + "/" + id);
            if (archive == null) {
                throw new NotFoundException("no archive");
            }
            return new ByteArrayInputStream(archive, (int) offset, archive.length - (int) offset);
        }

        @Override
        public synchronized void delete(TenantId tenant, BackupId id) {
            archives.remove(tenant + "/" + id);
        }

        @Override
        public synchronized void deleteTenant(TenantId tenant) {
            archives.keySet().removeIf(key -> key.startsWith(tenant + "/"));
        }

        @Override
        public synchronized List<String> discardLeftovers(BiPredicate<TenantId, BackupId> known) {
            List<String> unknown = archives.keySet().stream()
                    .filter(key -> !known.test(new TenantId(key.split("/")[0]), new BackupId(key.split("/")[1]))).toList();
            unknown.forEach(archives::remove);
            return unknown;
        }
    }

    /**
     * Keeps vectors in maps by storage key and incarnation (a dropped incarnation is not found, and
     * never affects another one of the same name, as in the real index), and searches by brute force
     * (dot product).
     */
    static final class Index implements VectorIndexPort {
        final Map<String, Map<Incarnation, Map<VectorId, Vector>>> collections = new LinkedHashMap<>();
        int writes;
        /** How many vector searches ran. */
        int searches;
        /** How often stats were read: the real index opens a closed collection for that. */
        int statsReads;
        /** Incarnations whose files cannot be deleted (a failing disk). */
        final Set<Incarnation> undroppable = new HashSet<>();
        /** Incarnations created, restored or being removed whose catalog entry is not settled yet. */
        final Set<Unsettled> unsettled = new HashSet<>();
        /** Runs after a read of one vector, before it returns: lets a test interleave another write there. */
        volatile Runnable afterGet = () -> { };

        @Override
        public synchronized void create(Collection collection) {
            unsettle(collection);
            collections.computeIfAbsent(collection.ref().storageKey(), k -> new LinkedHashMap<>())
                    .putIfAbsent(collection.incarnation(), new LinkedHashMap<>());
        }

        @Override
        public synchronized void drop(Collection collection) {
            if (undroppable.contains(collection.incarnation())) {
                throw new UncheckedIOException(new IOException("cannot delete the files of " + collection.ref()));
            }
            remove(collection);
        }

        private Map<VectorId, Vector> remove(Collection collection) {
            unsettled.remove(new Unsettled(collection.ref(), collection.incarnation()));
            return remove(collection.ref().storageKey(), collection.incarnation());
        }

        private Map<VectorId, Vector> remove(String storageKey, Incarnation incarnation) {
            Map<Incarnation, Map<VectorId, Vector>> incarnations = collections.get(storageKey);
            Map<VectorId, Vector> vectors = incarnations == null ? null : incarnations.remove(incarnation);
            if (incarnations != null && incarnations.isEmpty()) {
                collections.remove(storageKey);
            }
            return vectors;
        }

        @Override
        public void move(Collection from, Collection to) {
            Map<VectorId, Vector> vectors = remove(from);
            if (vectors != null) {
                collections.computeIfAbsent(to.ref().storageKey(), k -> new LinkedHashMap<>()).put(to.incarnation(), vectors);
            }
        }

        @Override
        public void dropTenant(TenantId tenant) {
            collections.keySet().removeIf(key -> key.startsWith(tenant.value() + ":"));
        }

        @Override
        public synchronized void unsettle(Collection collection) {
            unsettled.add(new Unsettled(collection.ref(), collection.incarnation()));
        }

        @Override
        public synchronized void settle(Collection collection) {
            unsettled.remove(new Unsettled(collection.ref(), collection.incarnation()));
        }

        @Override
        public synchronized List<Unsettled> settleAll(Predicate<Unsettled> named) {
            List<Unsettled> orphans = unsettled.stream().filter(named.negate()).toList();
            orphans.forEach(o -> remove(o.ref().storageKey(), o.incarnation()));
            unsettled.clear();
            return orphans;
        }

        private synchronized Map<VectorId, Vector> of(Collection c) {
            Map<VectorId, Vector> vectors = collections.getOrDefault(c.ref().storageKey(), Map.of()).get(c.incarnation());
            if (vectors == null) {
                throw NotFoundException.collection(c.ref().name());
            }
            return vectors;
        }

        @Override
        public synchronized UsageChange upsert(Collection collection, List<Vector> vectors) {
            return upsert(collection, vectors, change -> { });
        }

        @Override
        public synchronized UsageChange upsert(Collection collection, List<Vector> vectors, Consumer<UsageChange> admission) {
            Map<VectorId, Vector> held = of(collection);
            UsageChange change = UsageChange.NONE;
            for (Vector v : vectors) {
                Vector old = held.get(v.id());
                change = change.plus(new UsageChange(old == null ? 1 : 0, v.storedBytes() - (old == null ? 0 : old.storedBytes())));
            }
            admission.accept(change);
            writes++;
            vectors.forEach(v -> held.put(v.id(), v));
            return change;
        }

        @Override
        public Optional<Vector> get(Collection collection, VectorId id) {
            Optional<Vector> vector;
            synchronized (this) {
                vector = Optional.ofNullable(of(collection).get(id));
            }
            afterGet.run(); // outside the monitor: the interleaved write must be able to run
            return vector;
        }

        @Override
        public synchronized UsageChange delete(Collection collection, List<VectorId> ids) {
            writes++;
            UsageChange change = UsageChange.NONE;
            for (VectorId id : ids) {
                Vector removed = of(collection).remove(id);
                if (removed != null) {
                    change = change.plus(new UsageChange(-1, -removed.storedBytes()));
                }
            }
            return change;
        }

        @Override
        public synchronized UsageChange deleteMatching(Collection collection, Filter filter) {
            List<VectorId> ids = of(collection).values().stream().filter(v -> filter.matches(v.payload())).map(Vector::id).toList();
            return delete(collection, ids);
        }

        @Override
        public List<ScoredPoint> search(Collection collection, VectorQuery query) {
            searches++;
            return of(collection).values().stream()
                    .filter(v -> query.filter().map(f -> f.matches(v.payload())).orElse(true))
                    .map(v -> new ScoredPoint(v.id(), dot(v.values(), query.vector()), Optional.of(v.payload()), Optional.empty()))
                    .sorted(Comparator.comparingDouble(ScoredPoint::score).reversed()).limit(query.limit()).toList();
        }

        @Override
        public List<ScoredPoint> searchText(Collection collection, TextQuery query) {
            return of(collection).values().stream().filter(v -> v.text().filter(t -> t.contains(query.text())).isPresent())
                    .map(v -> new ScoredPoint(v.id(), 1, Optional.of(v.payload()), Optional.empty())).limit(query.limit()).toList();
        }

        @Override
        public ScrollPage scroll(Collection collection, ScrollRequest request) {
            return new ScrollPage(new ArrayList<>(of(collection).values()), Optional.empty());
        }

        @Override
        public synchronized CollectionStats stats(Collection collection) {
            statsReads++;
            return new CollectionStats(of(collection).size(), 0, of(collection).values().stream().mapToLong(Vector::storedBytes).sum());
        }

        @Override
        public int openCount() {
            return collections.size();
        }

        private static float dot(float[] a, float[] b) {
            float s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }
    }

    /** A 3-dimensional "model": counts of the letters a, b and c. */
    static final class LetterCounts implements EmbeddingPort {
        int calls;

        @Override
        public String model() {
            return "letter-counts";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            calls++;
            return texts.stream().map(t -> new float[] {count(t, 'a'), count(t, 'b'), count(t, 'c')}).toList();
        }

        private static float count(String text, char letter) {
            return text.chars().filter(ch -> ch == letter).count() + 0.01f;
        }
    }
}
