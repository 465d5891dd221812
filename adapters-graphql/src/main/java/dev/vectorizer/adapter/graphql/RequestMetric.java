package dev.vectorizer.adapter.graphql;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times GraphQL answers into the REST API's request metric, {@code vectorizer_requests{operation,status}},
 * as operation {@code GraphQLServlet.get} or {@code .post} ({@code unmatched} for other methods).
 * The metadata must be the REST adapter's exactly (a registry refuses one name with two), and no
 * adapter may use another's class: it is written here again.
 */
@Dependent
class RequestMetric {

    private static final Metadata REQUESTS = Metadata.builder().withName("vectorizer_requests")
            .withDescription("API answers by operation and HTTP status").withUnit(MetricUnits.NANOSECONDS).build();

    private final MetricRegistry registry;

    @Inject
    RequestMetric(MetricRegistry registry) {
        this.registry = registry;
    }

    void record(String method, int status, long startedNanos) {
        String operation = switch (method) {
            case "GET" -> "GraphQLServlet.get";
            case "POST" -> "GraphQLServlet.post";
            default -> "unmatched";
        };
        registry.timer(REQUESTS, new Tag("operation", operation), new Tag("status", String.valueOf(status)))
                .update(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
