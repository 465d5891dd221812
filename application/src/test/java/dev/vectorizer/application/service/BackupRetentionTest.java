package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.BackupSettings;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupRetentionTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private final InMemoryPorts.Backups backups = new InMemoryPorts.Backups();
    private final MovableClock clock = new MovableClock();

    private Backup add(TenantId owner, boolean ready) {
        Backup backup = Backup.started(BackupId.random(), owner, "b", List.of(), clock.instant());
        if (ready) {
            backup = backup.ready(1, 10, "0".repeat(64));
        }
        backups.add(backup);
        try (var archive = backups.create(owner, backup.id())) {
            archive.commit();
        }
        clock.advance(Duration.ofHours(1));
        return backup;
    }

    @Test
    void theOldestBeyondTheCountGoButNeverARunningOneNorAnotherTenants() {
        List<Backup> acme = new ArrayList<>();
        acme.add(add(ACME, false)); // oldest, but still running
        for (int i = 0; i < 4; i++) {
            acme.add(add(ACME, true));
        }
        Backup other = add(GLOBEX, true);

        new BackupRetention(backups, backups, new BackupSettings(3, Optional.empty(), 1, 1), clock).prune(ACME);

        assertThat(backups.list(ACME)).containsExactly(acme.get(0), acme.get(3), acme.get(4));
        assertThat(backups.archives).hasSize(4);
        assertThat(backups.list(GLOBEX)).containsExactly(other);
    }

    @Test
    void backupsOlderThanTheMaximumAgeGo() {
        Backup old = add(ACME, true);
        clock.advance(Duration.ofDays(2));
        Backup recent = add(ACME, true);

        new BackupRetention(backups, backups, new BackupSettings(10, Optional.of(Duration.ofDays(1)), 1, 1), clock).prune(ACME);

        assertThat(backups.list(ACME)).containsExactly(recent).doesNotContain(old);
    }
}
