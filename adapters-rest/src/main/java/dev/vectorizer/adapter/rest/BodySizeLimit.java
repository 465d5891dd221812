package dev.vectorizer.adapter.rest;

import dev.vectorizer.adapter.rest.problem.ProblemException;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over 32 MiB with 413 — at once when the length is declared, and as soon
 * as the limit is crossed when the body is streamed without one — so no oversize body is buffered.
 * A method marked {@link LargeBody} (a backup upload, streamed to disk) has the upload limit instead.
 * It runs before authentication, which reads the body of a signed service call.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Inject
    @ConfigProperty(name = "vectorizer.backup.max-upload-bytes")
    long maxUploadBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(LargeBody.class)
                ? maxUploadBytes : MAX_BYTES;
        if (request.getLength() > max) {
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(ErrorType.PAYLOAD_TOO_LARGE, "request body is larger than " + max + " bytes");
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
