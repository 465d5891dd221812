package dev.vectorizer.application.service;

import dev.vectorizer.application.BackupSettings;
import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.IndexSnapshotPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.QuotaLedger;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** What the backup use cases work with: the backup ports, the collections' ports, the quota ledger and the backup settings. */
@Dependent
final class BackupPorts {

    final BackupCatalogPort catalog;
    final BackupStorePort store;
    final CollectionCatalogPort collections;
    final VectorIndexPort index;
    final IndexSnapshotPort snapshots;
    final ArchiveCodecPort codec;
    final QuotaLedger quota;
    final AuditLogPort audit;
    final BackupSettings settings;

    @Inject
    BackupPorts(BackupCatalogPort catalog, BackupStorePort store, CollectionCatalogPort collections, VectorIndexPort index,
            IndexSnapshotPort snapshots, ArchiveCodecPort codec, QuotaLedger quota, AuditLogPort audit, BackupSettings settings) {
        this.catalog = catalog;
        this.store = store;
        this.collections = collections;
        this.index = index;
        this.snapshots = snapshots;
        this.codec = codec;
        this.quota = quota;
        this.audit = audit;
        this.settings = settings;
    }
}
