package dev.vectorizer.adapter.storage;

import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the metadata database answers and the data directory accepts writes. */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    private final MetadataStore metadata;
    private final DataDirectory dataDirectory;

    @Inject
    public StorageReadinessCheck(MetadataStore metadata, DataDirectory dataDirectory) {
        this.metadata = metadata;
        this.dataDirectory = dataDirectory;
    }

    /** For the CDI client proxy only. */
    protected StorageReadinessCheck() {
        this(null, null);
    }

    @Override
    public HealthCheckResponse call() {
        boolean database = metadata.isReachable();
        boolean writable = dataDirectory.isWritable();
        return HealthCheckResponse.named("storage")
                .status(database && writable)
                .withData("metadata-database", database ? "UP" : "DOWN")
                .withData("data-directory-writable", writable)
                .build();
    }
}
