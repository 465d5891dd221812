package dev.vectorizer.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.json.BackupManifestJson;
import dev.vectorizer.domain.tenant.Operation;
import dev.vectorizer.domain.tenant.Permission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupRulesTest {

    private static final String SHA = "a".repeat(64);
    private static final CollectionSpec SPEC = new CollectionSpec(4, Metric.COSINE, HnswSettings.DEFAULT, Quantization.INT8, Optional.of("m"));
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private static BackupManifest manifest(String... collections) {
        return new BackupManifest(1, new TenantId("acme"), AT, java.util.Arrays.stream(collections)
                .map(name -> new BackupManifest.Entry(new CollectionName(name), SPEC, AT, 3,
                        List.of(new ArchiveFile(ArchivePath.parse("collections/" + name + "/_0.cfs"), 10, SHA))))
                .toList());
    }

    @Test
    void archiveEntriesAreFilesOfACollectionAndNothingElse() {
        assertThat(ArchivePath.parse("collections/docs/segments_3")).isEqualTo(new ArchivePath(new CollectionName("docs"), "segments_3"));
        assertThat(ArchivePath.parse("collections/docs/_0_Lucene99HnswVectorsFormat_0.vex").toString())
                .isEqualTo("collections/docs/_0_Lucene99HnswVectorsFormat_0.vex");
        for (String refused : List.of("manifest.json", "/etc/passwd", "../x", "collections/docs/../../x", "collections/../docs/x",
                "collections/docs/.hidden", "collections/docs/a/b", "collections/docs/", "collections/bad name/x", "collections/docs/a..b",
                "./collections/docs/x", "collections//x", "collections/docs/x\\y", "C:/collections/docs/x")) {
            assertThatThrownBy(() -> ArchivePath.parse(refused)).as(refused).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void theManifestReadsBackAsWrittenAndOnlyInItsOwnVersion() {
        BackupManifest manifest = manifest("docs", "notes");
        byte[] json = BackupManifestJson.write(manifest);
        assertThat(BackupManifestJson.read(json)).isEqualTo(manifest);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"format_version\":1,\"tenant\":\"acme\"").contains("\"quantization\":\"int8\"", "\"embedding_model\":\"m\"");

        assertThatThrownBy(() -> BackupManifestJson.read(text.replace("\"format_version\":1", "\"format_version\":2").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("unknown backup format_version 2");
        assertThatThrownBy(() -> BackupManifestJson.read(text.replace("collections/notes/_0.cfs", "collections/docs/_0.cfs")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidValueException.class).hasMessageContaining("listed under collection 'notes'");
        assertThatThrownBy(() -> BackupManifestJson.read(text.replace("\"name\":\"notes\"", "\"name\":\"docs\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> BackupManifestJson.read("[]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aRestoreNamesWhatTheBackupHoldsUnderDistinctNames() {
        BackupId id = BackupId.random();
        BackupManifest manifest = manifest("docs", "notes");
        CollectionName docs = new CollectionName("docs");
        CollectionName notes = new CollectionName("notes");
        assertThat(new RestoreRequest(id, Optional.empty(), Map.of(docs, new CollectionName("old-docs")), false).targets(manifest))
                .extracting(RestoreRequest.Target::name).containsExactly(new CollectionName("old-docs"), notes);
        assertThatThrownBy(() -> new RestoreRequest(id, Optional.of(List.of(new CollectionName("nope"))), Map.of(), false).targets(manifest))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new RestoreRequest(id, Optional.of(List.of(docs)), Map.of(notes, new CollectionName("x")), false).targets(manifest))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("not restored");
        assertThatThrownBy(() -> new RestoreRequest(id, Optional.empty(), Map.of(docs, notes), false).targets(manifest))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("two collections");
    }

    @Test
    void aBackupIsReadyOnlyWithItsChecksumAndIdsThatCannotExistAreNotFound() {
        Backup started = Backup.started(BackupId.random(), new TenantId("acme"), "nightly", List.of(), AT);
        assertThat(started.ready(5, 100, SHA).isReady()).isTrue();
        assertThatThrownBy(() -> new Backup(started.id(), started.owner(), "x", BackupStatus.READY, 1, List.of(), 0, 0, Optional.empty(), 1, AT))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Backup.started(BackupId.random(), new TenantId("acme"), "line\nbreak", List.of(), AT))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> BackupId.named("../../etc")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void readWriteMakesAndReadsBackupsAndOnlyTheAdministratorRestoresOrDeletesThem() {
        assertThat(Operation.BACKUP.allowedBy(Set.of(Permission.READ_WRITE))).isTrue();
        assertThat(Operation.BACKUP.allowedBy(Set.of(Permission.READ_ONLY, Permission.MCP))).isFalse();
        for (Operation adminOnly : List.of(Operation.RESTORE_BACKUP, Operation.DELETE_BACKUP)) {
            assertThat(adminOnly.allowedBy(Set.of(Permission.READ_WRITE, Permission.READ_ONLY, Permission.MCP))).isFalse();
            assertThat(adminOnly.allowedBy(Set.of(Permission.ADMIN))).isTrue();
        }
    }
}
