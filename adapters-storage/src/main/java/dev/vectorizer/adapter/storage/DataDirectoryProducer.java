package dev.vectorizer.adapter.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the configured data directory ({@code vectorizer.data-dir}, default {@code ./data}) injectable. */
@ApplicationScoped
class DataDirectoryProducer {

    @Produces
    @Singleton // a record cannot be proxied; one instance is what we want anyway
    DataDirectory dataDirectory(@ConfigProperty(name = "vectorizer.data-dir") String dir) {
        return new DataDirectory(Path.of(dir)).ensureExists();
    }
}
