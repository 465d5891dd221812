package dev.vectorizer.application.service;

import static dev.vectorizer.application.service.BackupFixture.ACME;
import static dev.vectorizer.application.service.BackupFixture.BYTES_PER_VECTOR;
import static dev.vectorizer.application.service.BackupFixture.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.vectorizer.application.BackupSettings;
import dev.vectorizer.application.port.in.UploadBackupUseCase.Upload;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.usage.CollectionUsage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tenant plans applied to backups: max_backups on creation and upload; collections, vectors and bytes on restore. */
class BackupQuotaTest {

    private static final CollectionName DOCS = new CollectionName("docs");
    private static final CollectionName COPY = new CollectionName("copy");

    private final BackupFixture fixture = new BackupFixture();

    private static QuotaExceededException refusal(Runnable write) {
        return assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(write::run).actual();
    }

    private static List<Object> figures(QuotaExceededException refused) {
        return List.of(refused.quota(), refused.limit(), refused.used(), refused.requested());
    }

    private void create(BackupFixture in, String name) {
        new BackupService(in.ports).create(caller(Permission.READ_WRITE), name, Optional.empty());
    }

    private long used(Limit limit) {
        return fixture.ledger.capacities(ACME).stream().filter(u -> u.limit() == limit).findFirst().orElseThrow().used();
    }

    @Test
    void atItsMaxBackupsATenantIsRefusedAndDeletingOneGivesTheRoomBack() {
        fixture.collection("docs");
        fixture.plan(Limit.MAX_BACKUPS, 2);
        BackupId oldest = fixture.readyBackupOf("docs", 0);
        fixture.readyBackupOf("docs", 0);

        QuotaExceededException refused = refusal(() -> create(fixture, "third"));
        assertThat(figures(refused)).containsExactly(Limit.MAX_BACKUPS, 2L, 2L, 1L);
        assertThat(fixture.backups.list(ACME)).hasSize(2).noneMatch(b -> b.name().equals("third"));
        assertThat(fixture.metrics.count("quota_refused:max_backups")).isEqualTo(1);
        assertThat(fixture.ledger.backupCapacity(ACME, () -> fixture.backups.list(ACME).size()))
                .isEqualTo(new LimitUse(Limit.MAX_BACKUPS, OptionalLong.of(2), 2));

        new BackupService(fixture.ports).delete(caller(Permission.ADMIN), oldest);
        create(fixture, "third");
        assertThat(fixture.backups.list(ACME)).hasSize(2).anyMatch(b -> b.name().equals("third"));
    }

    @Test
    void expiredBackupsGoBeforeTheCountSoRetentionMakesRoom() {
        BackupFixture expiring = new BackupFixture(new BackupSettings(10, Optional.of(Duration.ofDays(1)), 1 << 20, 1 << 20));
        expiring.collection("docs");
        expiring.plan(Limit.MAX_BACKUPS, 1);
        expiring.readyBackupOf("docs", 0); // made at the epoch: long expired

        create(expiring, "fresh");

        assertThat(expiring.backups.list(ACME)).extracting(Backup::name).containsExactly("fresh");
    }

    @Test
    void sixteenConcurrentCreationsAtTheLimitAdmitExactlyTheRoomLeft() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 10; round++) {
                BackupFixture racing = new BackupFixture();
                racing.collection("docs");
                racing.plan(Limit.MAX_BACKUPS, 5);
                racing.readyBackupOf("docs", 0);
                BackupService service = new BackupService(racing.ports);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> admitted = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String name = "b" + i;
                    admitted.add(pool.submit(() -> {
                        start.await();
                        try {
                            service.create(caller(Permission.READ_WRITE), name, Optional.empty());
                            return true;
                        } catch (QuotaExceededException refused) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                long passed = 0;
                for (Future<Boolean> result : admitted) {
                    passed += result.get() ? 1 : 0;
                }
                assertThat(passed).as("round " + round).isEqualTo(4);
                assertThat(racing.backups.list(ACME)).hasSize(5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadCountsAgainstMaxBackupsAndARefusedOneLeavesNothing() {
        fixture.plan(Limit.MAX_BACKUPS, 1);
        fixture.readyBackupOf("docs", 0); // its archive is also what the upload sends
        BackupRestoreService uploads = new BackupRestoreService(fixture.ports);

        QuotaExceededException refused = refusal(() -> uploads.upload(caller(Permission.READ_WRITE), upload()));
        assertThat(figures(refused)).containsExactly(Limit.MAX_BACKUPS, 1L, 1L, 1L);
        assertThat(fixture.backups.list(ACME)).hasSize(1);
        assertThat(fixture.backups.archives).hasSize(1);

        fixture.plan(Limit.MAX_BACKUPS, 2);
        fixture.manifestOf("docs", 0);
        uploads.upload(caller(Permission.READ_WRITE), upload());
        assertThat(fixture.backups.list(ACME)).hasSize(2);
        assertThat(fixture.asked).extracting(QuotaCheck::operation).containsExactly(QuotaCheck.Operation.CREATE_BACKUP,
                QuotaCheck.Operation.CREATE_BACKUP);
    }

    private static Upload upload() {
        return new Upload(new ByteArrayInputStream(new byte[64]), OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theControlPlaneApprovesEveryBackupAndItsNoIsFinal() {
        fixture.collection("docs");
        fixture.control = check -> check.operation() == QuotaCheck.Operation.CREATE_BACKUP
                ? new QuotaDecision(false, OptionalLong.of(3), OptionalLong.of(0)) : QuotaDecision.ALLOWED;

        QuotaExceededException refused = refusal(() -> create(fixture, "nightly"));

        assertThat(figures(refused)).as("one backup requested, whatever its size").containsExactly(Limit.MAX_BACKUPS, 3L, 3L, 1L);
        assertThat(fixture.backups.list(ACME)).isEmpty();
    }

    /** The refusal of restoring the backup's collection as a new one. */
    private QuotaExceededException refusedCopy(BackupId id) {
        return refusal(() -> new BackupRestoreService(fixture.ports).restore(caller(Permission.ADMIN),
                new RestoreRequest(id, Optional.empty(), Map.of(DOCS, COPY), false)));
    }

    /** Restores the backup of {@code vectors} vectors over its collection (listed anew: an archive read once is spent). */
    private void restoreReplacing(BackupId id, long vectors) {
        fixture.manifestOf("docs", vectors);
        new BackupRestoreService(fixture.ports).restore(caller(Permission.ADMIN), new RestoreRequest(id, Optional.empty(), Map.of(), true));
    }

    @Test
    void aRestoreIntoANewCollectionCountsAgainstMaxCollectionsAndAReplacingOneDoesNot() {
        Collection docs = fixture.collection("docs");
        fixture.plan(Limit.MAX_COLLECTIONS, 1);
        BackupId id = fixture.readyBackupOf("docs", 0);

        assertThat(figures(refusedCopy(id))).containsExactly(Limit.MAX_COLLECTIONS, 1L, 1L, 1L);
        assertThat(fixture.collections.list(ACME)).containsExactly(docs);
        assertThat(fixture.index.collections).containsOnlyKeys(docs.ref().storageKey());

        restoreReplacing(id, 0);
        assertThat(used(Limit.MAX_COLLECTIONS)).isEqualTo(1);
    }

    @Test
    void aRestoreCountsItsVectorsAndAReplacedCollectionGivesItsOwnBack() {
        Collection docs = fixture.collection("docs");
        fixture.ledger.upsert(docs, IntStream.range(0, 9).mapToObj(i -> new Vector(new VectorId("v" + i), new float[] {1, 2, 3}, Payload.EMPTY))
                .toList());
        fixture.plan(Limit.MAX_VECTORS, 10);
        BackupId id = fixture.readyBackupOf("docs", 8);

        assertThat(figures(refusedCopy(id))).containsExactly(Limit.MAX_VECTORS, 10L, 9L, 8L);
        assertThat(fixture.collections.list(ACME)).containsExactly(docs);

        fixture.asked.clear();
        restoreReplacing(id, 8);
        assertThat(fixture.ledger.usage(ACME)).containsExactly(new CollectionUsage(DOCS, 8, 8 * BYTES_PER_VECTOR));
        assertThat(fixture.asked).as("a replacing restore adds no collection")
                .containsExactly(new QuotaCheck(ACME, QuotaCheck.Operation.INSERT_VECTORS, 8));
    }

    @Test
    void aRestoreCountsTheBytesItsIndexStores() {
        fixture.plan(Limit.MAX_STORAGE_BYTES, 5 * BYTES_PER_VECTOR);
        BackupId id = fixture.readyBackupOf("docs", 6);

        assertThat(figures(refusedCopy(id))).containsExactly(Limit.MAX_STORAGE_BYTES, 5 * BYTES_PER_VECTOR, 0L, 6 * BYTES_PER_VECTOR);
        assertThat(fixture.collections.list(ACME)).isEmpty();
        assertThat(used(Limit.MAX_STORAGE_BYTES)).as("nothing stays reserved").isZero();
    }
}
