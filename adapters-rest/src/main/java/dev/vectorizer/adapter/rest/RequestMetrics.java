package dev.vectorizer.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times every API answer into the application metric {@code vectorizer_requests}, tagged with
 * the operation (resource method, or {@code unmatched}) and the HTTP status, so operators see
 * rate, errors and latency per operation at {@code /metrics?scope=application}.
 *
 * <p>The clock starts in a pre-matching filter that runs before every other filter, so answers
 * that a filter gives (401 and 429 from authentication, 403, 413 ...) are counted like the rest;
 * the response filter runs for those too, and last of all response filters. The timer is declared
 * in nanoseconds, which is what Payara's exporter needs to show its mean and max in seconds like
 * the {@code _seconds} name and the {@code _sum} say (without a unit it prints them in
 * nanoseconds); its quantiles it prints in nanoseconds whatever the unit, so the deployment's
 * configuration switches them off ({@code mp.metrics.distribution.percentiles}).
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Metadata REQUESTS = Metadata.builder().withName("vectorizer_requests")
            .withDescription("API answers by operation and HTTP status").withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            registry.timer(REQUESTS, new Tag("operation", operation()), new Tag("status", String.valueOf(response.getStatus())))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private String operation() {
        return resource.getResourceMethod() == null ? "unmatched"
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    }
}
