package dev.vectorizer.adapter.rest.edge;

import dev.vectorizer.adapter.rest.problem.ProblemException;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET|PUT|DELETE /api/collections/{c}/vectors?id=<id>} is {@code .../vectors/{id}} with the id
 * in the query: the way to address a vector whose id the servlet container refuses in a path (a
 * backslash, raw or {@code %5C}, is refused by Grizzly with an empty 400 before any application runs).
 * The request is rewritten before matching, so both forms are one route with one behaviour.
 */
@Provider
@PreMatching
public class VectorIdQuery implements ContainerRequestFilter {

    static final String PARAMETER = "id";
    private static final Pattern VECTORS = Pattern.compile("/?api/collections/[^/]+/vectors");
    private static final Set<String> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE);

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        List<String> ids = uri.getQueryParameters().get(PARAMETER);
        if (ids == null || !METHODS.contains(request.getMethod()) || !VECTORS.matcher(uri.getPath(false)).matches()) {
            return;
        }
        if (ids.size() != 1 || ids.getFirst().isEmpty()) {
            throw new ProblemException(ErrorType.VALIDATION_ERROR, "give exactly one non-empty '" + PARAMETER + "' query parameter");
        }
        request.setRequestUri(uri.getRequestUriBuilder()
                .replacePath(uri.getRequestUri().getRawPath() + "/" + pathSegment(ids.getFirst()))
                .replaceQueryParam(PARAMETER)
                .build());
    }

    /** {@code id} percent-encoded as one path segment: every character but ASCII letters, digits, {@code -} and {@code _}. */
    static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace(".", "%2E");
    }
}
