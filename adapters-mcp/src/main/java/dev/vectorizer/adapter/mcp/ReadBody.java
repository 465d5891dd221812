package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.json.Json;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request whose body was read ahead (to check its envelope), handed on with the same body, less a
 * leading byte order mark: the API's codec skips one, the SDK's JSON reader failed on it.
 */
final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = Arrays.copyOfRange(body, Json.byteOrderMarkLength(body), body.length);
    }

    /** The body of {@code request}, at most {@code limit + 1} bytes of it (more than {@code limit} means too large). */
    static byte[] read(HttpServletRequest request, int limit) throws IOException {
        return request.getInputStream().readNBytes(limit + 1);
    }

    /** The charset the body was checked in, which the SDK's transport decodes it with (it honours a declared one). */
    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was read already; it is not read asynchronously");
            }
        };
    }
}
