package dev.vectorizer.deploy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Takes the first opening of the metadata store (loading and first running H2 and EclipseLink, about a
 * tenth of a cold start) off the start's critical path: as soon as CDI starts discovering beans, a
 * thread of its own opens and closes a throwaway store in a scratch directory, on the second core
 * while Weld deploys the beans; the real store then opens on loaded, warmed-up classes when the
 * application starts.
 *
 * <p>The real store waits for the throwaway one to be closed before anything can touch it (the first
 * observer of the application's start, before the health checks are registered): both are the same
 * persistence unit, and EclipseLink keeps one session per unit name. A warm-up that fails changes
 * nothing but the start's duration.
 */
public class MetadataWarmUp implements Extension {

    private static final Logger LOG = Logger.getLogger(MetadataWarmUp.class.getName());

    private volatile Thread warmUp; // set and joined by the deploying thread(s)

    void start(@Observes BeforeBeanDiscovery discovery) {
        warmUp = Thread.ofPlatform().daemon().name("vectorizer-metadata-warm-up").start(MetadataWarmUp::openThrowawayStore);
    }

    void awaitBeforeStoreUse(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started)
            throws InterruptedException {
        if (warmUp != null) {
            warmUp.join();
        }
    }

    private static void openThrowawayStore() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("vectorizer-warm-up-");
            MetadataStore store = new MetadataStore(new DataDirectory(scratch));
            try {
                store.open();
            } finally {
                store.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "metadata store warm-up failed; the real store opens cold", e);
        } finally {
            if (scratch != null) {
                try (Stream<Path> files = Files.walk(scratch)) { // Lucene's IOUtils.rm is the storage adapter's
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    LOG.log(Level.FINE, "could not delete " + scratch, e);
                }
            }
        }
    }
}
