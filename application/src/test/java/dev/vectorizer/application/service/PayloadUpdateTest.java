package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replacing a vector's payload: what it keeps, who may, and that it never undoes a concurrent write. */
class PayloadUpdateTest {

    private static final Caller.OfTenant ACME = caller("acme", Permission.READ_WRITE);
    private static final CollectionName DOCS = new CollectionName("docs");
    private static final VectorId A = new VectorId("a");

    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryPorts.LetterCounts embedding = new InMemoryPorts.LetterCounts();
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index);
    private final CollectionService collections = new CollectionService(catalog, index, embedding, new InMemoryPorts.Audit(), usage.ledger,
            usage.operations);
    private final VectorService vectors = new VectorService(catalog, index, embedding, usage.ledger, usage.operations);

    @BeforeEach
    void createDocs() {
        collections.create(ACME, DOCS, new CollectionSpec(3, Metric.DOT_PRODUCT, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty()));
    }

    private static Caller.OfTenant caller(String tenant, Permission permission) {
        return new Caller.OfTenant(new TenantId(tenant), new Principal.TokenSubject("tester"), Set.of(permission), false);
    }

    private static Payload payload(String key, Object value) {
        return new Payload(Map.of(key, value));
    }

    @Test
    void thePayloadIsReplacedAndTheValuesAndTextKept() {
        vectors.insertText(ACME, DOCS, new TextDocument("doc", "abc", payload("old", true)));
        VectorId chunk = new VectorId("doc#0");
        float[] values = vectors.get(ACME, DOCS, chunk).values();

        Vector updated = vectors.updatePayload(ACME, DOCS, chunk, payload("color", "red"));

        Vector stored = vectors.get(ACME, DOCS, chunk);
        assertThat(updated.payload()).isEqualTo(stored.payload()).isEqualTo(payload("color", "red"));
        assertThat(stored.values()).containsExactly(values);
        assertThat(stored.text()).contains("abc");
    }

    @Test
    void onlyAnExistingVectorOfTheCallersOwnCollectionAndOnlyWithWriteRights() {
        vectors.upsert(ACME, DOCS, List.of(new Vector(A, new float[] {1, 2, 3}, Payload.EMPTY)));
        Caller.OfTenant globex = caller("globex", Permission.ADMIN);
        collections.create(globex, DOCS, new CollectionSpec(3, Metric.DOT_PRODUCT, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty()));

        assertThatThrownBy(() -> vectors.updatePayload(ACME, DOCS, new VectorId("missing"), Payload.EMPTY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> vectors.updatePayload(globex, DOCS, A, payload("x", 1L))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> vectors.updatePayload(caller("acme", Permission.READ_ONLY), DOCS, A, payload("x", 1L)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(vectors.get(ACME, DOCS, A).payload()).isEqualTo(Payload.EMPTY);
        assertThat(index.writes).isEqualTo(1);
    }

    /**
     * An upsert that arrives while the update has read the vector but not yet written it waits, and
     * lands after it: the new values survive (without the lock the update would write the old ones back).
     */
    @Test
    void aConcurrentUpsertIsNeverUndone() throws Exception {
        vectors.upsert(ACME, DOCS, List.of(new Vector(A, new float[] {1, 1, 1}, Payload.EMPTY)));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        index.afterGet = () -> {
            read.countDown();
            await(proceed);
        };
        Thread update = Thread.ofPlatform().start(() -> vectors.updatePayload(ACME, DOCS, A, payload("tag", "updated")));
        read.await();
        index.afterGet = () -> { };
        Thread upsert = Thread.ofPlatform().start(
                () -> vectors.upsert(ACME, DOCS, List.of(new Vector(A, new float[] {7, 7, 7}, payload("tag", "upserted")))));
        while (upsert.getState() != Thread.State.WAITING && upsert.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait(); // until it is blocked behind the update, or (without the lock) done
        }
        proceed.countDown();
        update.join();
        upsert.join();

        Vector stored = vectors.get(ACME, DOCS, A);
        assertThat(stored.values()).containsExactly(7, 7, 7);
        assertThat(stored.payload()).isEqualTo(payload("tag", "upserted"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
