package dev.vectorizer.adapter.metrics;

import dev.vectorizer.adapter.metrics.micrometer.MicrometerMetrics;
import dev.vectorizer.adapter.metrics.microprofile.MicroProfileMetrics;
import dev.vectorizer.application.port.out.MetricsPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses the {@link MetricsPort} adapter by the metrics API the server provides, so that one WAR
 * runs everywhere: MicroProfile Metrics where it is (Payara: {@code /metrics}), else Micrometer
 * (WildFly's {@code micrometer} subsystem), else none (metrics are dropped, which the log says once).
 * An adapter's class is touched only after its API was found, so no class of a missing API is ever
 * loaded; the adapters themselves are no CDI beans for the same reason.
 */
@ApplicationScoped
public class MetricsBackends {

    private static final Logger LOG = Logger.getLogger(MetricsBackends.class.getName());

    /** Held by this application-scoped bean, so that a registry it looks up lives as long as the application. */
    private final Instance<Object> beans;

    @Inject
    public MetricsBackends(Instance<Object> beans) {
        this.beans = beans;
    }

    /** For the CDI client proxy only. */
    protected MetricsBackends() {
        this(null);
    }

    @Produces
    @ApplicationScoped
    MetricsPort metrics() {
        Optional<MetricsPort> chosen = backend("org.eclipse.microprofile.metrics.MetricRegistry", () -> MicroProfileMetrics.in(beans))
                .or(() -> backend("io.micrometer.core.instrument.MeterRegistry", () -> MicrometerMetrics.in(beans)));
        chosen.ifPresentOrElse(adapter -> LOG.info(() -> "Metrics go to " + adapter.getClass().getSimpleName()),
                () -> LOG.warning("Neither MicroProfile Metrics nor a Micrometer registry is available: no metrics are recorded"
                        + " (on WildFly, add the micrometer subsystem: docs/DEPLOYMENT.md)"));
        return chosen.orElse(MetricsPort.NONE);
    }

    private static Optional<MetricsPort> backend(String apiClass, Supplier<Optional<MetricsPort>> adapter) {
        try {
            Class.forName(apiClass, false, MetricsBackends.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        return adapter.get();
    }
}
