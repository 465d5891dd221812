package dev.vectorizer.adapter.rest;

import dev.vectorizer.adapter.rest.problem.ProblemException;
import dev.vectorizer.domain.json.ErrorType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 32 MiB with 413 — at once when the length is declared, and as soon
 * as the limit is crossed when the body is streamed without one — so no oversize body is buffered.
 * It runs before authentication, which reads the body of a signed service call.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream()));
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(ErrorType.PAYLOAD_TOO_LARGE, "request body is larger than " + MAX_BYTES + " bytes");
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
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
            if (read > MAX_BYTES) {
                throw tooLarge();
            }
        }
    }
}
