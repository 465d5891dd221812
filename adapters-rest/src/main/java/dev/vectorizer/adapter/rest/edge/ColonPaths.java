package dev.vectorizer.adapter.rest.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.logging.LogRecord;

/**
 * Payara 7.2025.1 refuses every request whose path holds a {@code :} (raw or {@code %3A}) before any
 * filter or servlet of the application runs: its JACC check ({@code RealmAdapter.preAuthenticateCheck})
 * builds a {@code WebResourcePermission} from the decoded path, in which a colon separates URL
 * patterns, so the permission cannot be built; the container logs the stack trace at SEVERE and
 * answers 503 (payara/Payara#7777). The application declares no security constraints — JAX-RS
 * authenticates every request itself — so that check has nothing to decide: such a request reaches
 * the error page, which hands it to JAX-RS as it was sent, and {@link ContainerLog} drops the record.
 */
final class ColonPaths {

    /** Set on a request handed to JAX-RS, so that it is never handed over twice. */
    private static final String REROUTED = ColonPaths.class.getName() + ".rerouted";
    private static final int REFUSED = 503;

    private ColonPaths() {
    }

    /**
     * Whether the container refused this request (seen in its error dispatch) only for the colon in
     * its path; if so, it is marked as handed over.
     */
    static boolean refusedForTheColon(HttpServletRequest errorDispatch, int status) {
        boolean refused = status == REFUSED
                && errorDispatch.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                && errorDispatch.getAttribute(REROUTED) == null
                && JaxRsDispatch.decodedPath(String.valueOf(errorDispatch.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))).contains(":");
        if (refused) {
            errorDispatch.setAttribute(REROUTED, Boolean.TRUE);
        }
        return refused;
    }

    /** Whether {@code record} is the container's report of such a refusal. */
    static boolean isTheRefusalReport(LogRecord record) {
        return record.getThrown() instanceof IllegalArgumentException refusal
                && Arrays.stream(refusal.getStackTrace()).anyMatch(f -> f.getClassName().equals("jakarta.security.jacc.URLPatternSpec"));
    }
}
