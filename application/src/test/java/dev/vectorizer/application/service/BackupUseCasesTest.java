package dev.vectorizer.application.service;

import static dev.vectorizer.application.service.BackupFixture.ACME;
import static dev.vectorizer.application.service.BackupFixture.STORED_BYTES;
import static dev.vectorizer.application.service.BackupFixture.caller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.tenant.Permission;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backup use cases' own rules, on in-memory ports: what they ask of the index, the control plane and the catalog. */
class BackupUseCasesTest {

    private final BackupFixture fixture = new BackupFixture();

    @Test
    void aBackupIsApprovedByTheControlPlaneForWhatIsStoredWithoutOpeningTheCollections() {
        fixture.collection("docs");
        fixture.collection("notes");
        int statsReadsBefore = fixture.index.statsReads;

        Backup started = new BackupService(fixture.ports).create(caller(Permission.READ_WRITE), "nightly", Optional.empty());

        assertThat(started.status()).isEqualTo(BackupStatus.RUNNING);
        assertThat(fixture.asked).last().isEqualTo(new QuotaCheck(ACME, QuotaCheck.Operation.CREATE_BACKUP, 2 * STORED_BYTES));
        assertThat(fixture.index.statsReads - statsReadsBefore).as("an idle collection would be opened, and kept open, by reading its stats")
                .isZero();
    }

    @Test
    void aReplacingRestoreStaysInPlaceWhenTheOldFilesCannotBeDropped() {
        Collection old = fixture.collection("docs");
        BackupId id = fixture.readyBackupOf("docs", 0);
        fixture.index.undroppable.add(old.incarnation());

        new BackupRestoreService(fixture.ports).restore(caller(Permission.ADMIN), new RestoreRequest(id, Optional.empty(), Map.of(), true));

        Collection current = fixture.collections.find(old.ref()).orElseThrow();
        assertThat(current.incarnation()).isNotEqualTo(old.incarnation());
        assertThat(fixture.index.collections.get(old.ref().storageKey())).as("the live collection's index").containsKey(current.incarnation());
    }
}
