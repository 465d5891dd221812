package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.Installation;
import dev.vectorizer.domain.InstallationId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The single row that identifies this installation. */
@Entity
@Table(name = "installation")
public class InstallationEntity {

    /** There is exactly one installation row; its key is fixed so concurrent first starts cannot create two. */
    static final int SINGLETON_KEY = 1;

    @Id
    private int id;

    @Column(name = "installation_id", nullable = false, length = 36)
    private String installationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InstallationEntity() {
    }

    InstallationEntity(Installation installation) {
        this.id = SINGLETON_KEY;
        this.installationId = installation.id().toString();
        this.createdAt = installation.createdAt();
    }

    Installation toDomain() {
        return new Installation(new InstallationId(UUID.fromString(installationId)), createdAt);
    }
}
