package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.RecordAnswerUseCase;
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

/**
 * Times every API answer and records it ({@link RecordAnswerUseCase}: the metric
 * {@code vectorizer_requests}) with the operation (resource method, or {@code unmatched}) and the
 * HTTP status, so operators see rate, errors and latency per operation at {@code /metrics}.
 *
 * <p>The clock starts in a pre-matching filter that runs before every other filter, so answers
 * that a filter gives (401 and 429 from admission, 403, 413 ...) are counted like the rest; the
 * response filter runs for those too, and last of all response filters.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    @Inject
    RecordAnswerUseCase answers;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            answers.answered(operation(), response.getStatus(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private String operation() {
        return resource.getResourceMethod() == null ? "unmatched"
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    }
}
