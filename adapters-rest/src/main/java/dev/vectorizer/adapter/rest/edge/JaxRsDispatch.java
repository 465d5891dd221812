package dev.vectorizer.adapter.rest.edge;

import dev.vectorizer.adapter.rest.RestApplication;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Hands a request the container has dispatched elsewhere to JAX-RS, at the URI the client sent. In
 * such a dispatch the container no longer turns {@code sendError} into an error page, so a refusal
 * of JAX-RS itself (a header it cannot parse) is answered as a problem here.
 */
final class JaxRsDispatch {

    private static final String HEAD = "HEAD";

    private JaxRsDispatch() {
    }

    /**
     * Forwards to the JAX-RS servlet (named after {@link RestApplication}, mapped to {@code /*}),
     * presenting {@code uri} (raw, as sent) as the request's URI and path.
     */
    static void forward(ServletContext context, HttpServletRequest request, String uri, HttpServletResponse response)
            throws ServletException, IOException {
        context.getNamedDispatcher(RestApplication.class.getName()).forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort())
                        .append(uri);
            }

            @Override
            public String getServletPath() {
                return "";
            }

            @Override
            public String getPathInfo() {
                return decodedPath(uri).substring(getContextPath().length());
            }

            /** HEAD as GET: the answer is written in full (the container sends no body for HEAD) and so committed. */
            @Override
            public String getMethod() {
                return HEAD.equals(super.getMethod()) ? "GET" : super.getMethod();
            }
        }, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                ProblemAnswer.refusal(this, status, request.getMethod() + " " + uri, message);
            }

            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }
        });
    }

    /** The path of a raw request URI, percent-decoded (as UTF-8); the raw URI if it is not valid percent-encoding. */
    static String decodedPath(String uri) {
        try {
            return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return uri;
        }
    }
}
