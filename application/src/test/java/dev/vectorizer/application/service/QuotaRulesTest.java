package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Capacity quotas as the use cases enforce them: what counts, what is refused, what frees capacity. */
class QuotaRulesTest {

    private static final TenantId ACME_ID = new TenantId("acme");
    private static final Caller.OfTenant ACME = new Caller.OfTenant(ACME_ID, new Principal.TokenSubject("tester"), Set.of(Permission.ADMIN), false);
    private static final CollectionName DOCS = new CollectionName("docs");

    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryPorts.LetterCounts embedding = new InMemoryPorts.LetterCounts();
    private InMemoryUsage usage = new InMemoryUsage(catalog, index);
    private CollectionService collections = collections();
    private VectorService vectors = vectors();
    private UsageService usageQuery = new UsageService(usage.ledger, usage.limiter, usage.requests, new InMemoryPorts.Backups());

    private CollectionService collections() {
        return new CollectionService(catalog, index, embedding, new InMemoryPorts.Audit(), usage.ledger, usage.operations);
    }

    private VectorService vectors() {
        return new VectorService(catalog, index, embedding, usage.ledger, usage.operations);
    }

    private void plan(Limit limit, long value) {
        usage.plans.put(ACME_ID, new Quota(Map.of(limit, value)));
    }

    private static CollectionSpec spec() {
        return new CollectionSpec(3, Metric.DOT_PRODUCT, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    }

    private static Vector v(String id) {
        return new Vector(new VectorId(id), new float[] {1, 2, 3}, Payload.EMPTY);
    }

    private static List<Vector> batch(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> v(prefix + i)).toList();
    }

    private static QuotaExceededException refusal(Runnable write) {
        try {
            write.run();
        } catch (QuotaExceededException refused) {
            return refused;
        }
        throw new AssertionError("the write was not refused");
    }

    private long used(Limit limit) {
        return usageQuery.quota(ACME).stream().filter(u -> u.limit() == limit).findFirst().orElseThrow().used();
    }

    @Test
    void aTenantHoldsAtMostItsCollectionsAndADeleteGivesOneBack() {
        plan(Limit.MAX_COLLECTIONS, 2);
        collections.create(ACME, new CollectionName("a"), spec());
        collections.create(ACME, new CollectionName("b"), spec());
        QuotaExceededException refused = refusal(() -> collections.create(ACME, new CollectionName("c"), spec()));
        assertThat(List.of(refused.quota(), refused.limit(), refused.used(), refused.requested())).containsExactly(Limit.MAX_COLLECTIONS, 2L, 2L, 1L);
        assertThat(catalog.list(ACME_ID)).hasSize(2);
        assertThat(index.collections).hasSize(2);

        collections.delete(ACME, new CollectionName("a"));
        collections.create(ACME, new CollectionName("c"), spec());
        assertThat(used(Limit.MAX_COLLECTIONS)).isEqualTo(2);
    }

    @Test
    void onlyNewIdsCountSoUpdatesPassAtTheLimitAndNewVectorsDoNot() {
        collections.create(ACME, DOCS, spec());
        plan(Limit.MAX_VECTORS, 5);
        vectors.upsert(ACME, DOCS, batch("v", 4));
        QuotaExceededException refused = refusal(() -> vectors.upsert(ACME, DOCS, List.of(v("v0"), v("new1"), v("new2"))));
        assertThat(List.of(refused.limit(), refused.used(), refused.requested())).as("the exact count, not the batch size").containsExactly(5L, 4L, 2L);
        assertThat(index.get(docs(), new VectorId("new1"))).isEmpty();

        vectors.upsert(ACME, DOCS, List.of(v("v0"), v("v1"), v("new1")));
        assertThat(used(Limit.MAX_VECTORS)).isEqualTo(5);
        vectors.upsert(ACME, DOCS, batch("v", 4)); // all existing: nothing to add at the limit
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("one-more")))).isInstanceOf(QuotaExceededException.class);

        vectors.delete(ACME, DOCS, List.of(new VectorId("v0"), new VectorId("v1")));
        vectors.upsert(ACME, DOCS, List.of(v("x"), v("y")));
        assertThat(used(Limit.MAX_VECTORS)).isEqualTo(5);
        assertThat(usage.metrics.count("quota_refused:max_vectors")).isEqualTo(2);
    }

    private Collection docs() {
        return catalog.list(ACME_ID).stream().filter(c -> c.ref().name().equals(DOCS)).findFirst().orElseThrow();
    }

    @Test
    void storedBytesCountWhatReplacedVectorsFreeAndDeletesGiveBack() {
        collections.create(ACME, DOCS, spec());
        long one = v("a").storedBytes();
        plan(Limit.MAX_STORAGE_BYTES, 3 * one);
        vectors.upsert(ACME, DOCS, List.of(v("a"), v("b"), v("c")));
        QuotaExceededException refused = refusal(() -> vectors.upsert(ACME, DOCS, List.of(v("d"))));
        assertThat(List.of(refused.quota(), refused.limit(), refused.used(), refused.requested()))
                .containsExactly(Limit.MAX_STORAGE_BYTES, 3 * one, 3 * one, one);
        Vector bigger = new Vector(new VectorId("a"), new float[] {1, 2, 3}, new Payload(Map.of("k", "v")));
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(bigger))).as("a larger replacement needs the difference")
                .isInstanceOf(QuotaExceededException.class);
        vectors.deleteMatching(ACME, DOCS, new Filter(List.of(new Match("missing", "x")), null, null));
        vectors.delete(ACME, DOCS, List.of(new VectorId("c")));
        vectors.upsert(ACME, DOCS, List.of(bigger));
        assertThat(used(Limit.MAX_STORAGE_BYTES)).isEqualTo(bigger.storedBytes() + one);
    }

    @Test
    void insertedTextCountsItsChunks() {
        collections.create(ACME, DOCS, spec());
        plan(Limit.MAX_VECTORS, 2);
        String threeChunks = "a".repeat(2_000) + " " + "b".repeat(2_000) + " " + "c".repeat(2_000);
        QuotaExceededException refused = refusal(() -> vectors.insertText(ACME, DOCS, new TextDocument("doc", threeChunks, null)));
        assertThat(refused.requested()).isEqualTo(3);
        vectors.insertText(ACME, DOCS, new TextDocument("doc", "short", null));
        vectors.insertText(ACME, DOCS, new TextDocument("doc", "short again", null));
        assertThat(used(Limit.MAX_VECTORS)).isEqualTo(1);
    }

    @Test
    void usageIsRecomputedFromTheIndexesAfterARestart() {
        collections.create(ACME, DOCS, spec());
        vectors.upsert(ACME, DOCS, batch("v", 3));
        usage = new InMemoryUsage(catalog, index); // a new process over the same data
        collections = collections();
        vectors = vectors();
        usageQuery = new UsageService(usage.ledger, usage.limiter, usage.requests, new InMemoryPorts.Backups());
        plan(Limit.MAX_VECTORS, 4);

        assertThat(usageQuery.statistics(ACME).collections()).containsExactly(new CollectionUsage(DOCS, 3, 3 * v("v0").storedBytes()));
        vectors.upsert(ACME, DOCS, List.of(v("v9")));
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("v10")))).isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void aCollectionDeletedWithItsVectorsGivesThemBack() {
        plan(Limit.MAX_VECTORS, 3);
        collections.create(ACME, DOCS, spec());
        vectors.upsert(ACME, DOCS, batch("v", 3));
        collections.delete(ACME, DOCS);
        collections.create(ACME, DOCS, spec());
        vectors.upsert(ACME, DOCS, batch("w", 3));
        assertThat(usageQuery.quota(ACME)).contains(new LimitUse(Limit.MAX_VECTORS, OptionalLong.of(3), 3));
    }

    @Test
    void writesAndRefusalsGoToTheOperationLog() {
        plan(Limit.MAX_VECTORS, 1);
        collections.create(ACME, DOCS, spec());
        vectors.upsert(ACME, DOCS, List.of(v("a")));
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("b")))).isInstanceOf(QuotaExceededException.class);
        vectors.delete(ACME, DOCS, List.of(new VectorId("a")));
        assertThatThrownBy(() -> vectors.delete(ACME, new CollectionName("missing"), List.of(new VectorId("a"))))
                .as("a write that changed nothing is not logged").isNotInstanceOf(QuotaExceededException.class);
        assertThat(usage.outbox.operations.values()).extracting(e -> e.operation() + ":" + e.outcome()).containsExactly(
                "CREATE_COLLECTION:SUCCESS", "INSERT_VECTORS:SUCCESS", "INSERT_VECTORS:QUOTA_EXCEEDED", "DELETE_VECTORS:SUCCESS");
        assertThat(usage.outbox.operations.values()).allSatisfy(e -> {
            assertThat(e.tenant()).isEqualTo(ACME_ID);
            assertThat(e.collection()).contains(DOCS);
        });
        assertThat(usage.outbox.operations.values().stream().map(OperationLogEntry::entryId).distinct()).hasSize(4);
    }

    @Test
    void otherTenantsDoNotShareALimit() {
        plan(Limit.MAX_VECTORS, 1);
        Caller.OfTenant globex = new Caller.OfTenant(new TenantId("globex"), new Principal.TokenSubject("g"), Set.of(Permission.ADMIN), false);
        collections.create(ACME, DOCS, spec());
        collections.create(globex, DOCS, spec());
        vectors.upsert(ACME, DOCS, List.of(v("a")));
        vectors.upsert(globex, DOCS, batch("g", 5));
        assertThat(usageQuery.statistics(globex).vectorCount()).isEqualTo(5);
        assertThat(usageQuery.statistics(ACME).vectorCount()).isEqualTo(1);
    }
}
