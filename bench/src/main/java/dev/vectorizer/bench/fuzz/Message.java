package dev.vectorizer.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 request being put together, byte for byte: a request line and headers exactly as
 * given (ISO-8859-1, so any byte can be placed), then the body with a {@code Content-Length} of its
 * size unless told otherwise (chunked, a declared length, or none at all).
 */
final class Message {

    private String method;
    private String target;
    private String version = "HTTP/1.1";
    private String lineEnd = "\r\n";
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body;
    private boolean chunked;
    private String declaredLength;
    private boolean noLength;

    Message(String method, String target) {
        this.method = method;
        this.target = target;
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    byte[] body() {
        return body;
    }

    Message method(String value) {
        method = value;
        return this;
    }

    Message target(String value) {
        target = value;
        return this;
    }

    Message version(String value) {
        version = value;
        return this;
    }

    /** Ends lines with {@code value} instead of CRLF. */
    Message lineEnd(String value) {
        lineEnd = value;
        return this;
    }

    /** Adds a header; a {@code null} value writes {@code name} alone, a line without a colon. */
    Message header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    Message withoutHeader(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
    }

    Message body(String json) {
        return body(json.getBytes(StandardCharsets.UTF_8));
    }

    Message body(byte[] bytes) {
        body = bytes;
        return this;
    }

    /** No body at all, and nothing that announces one. */
    Message withoutBody() {
        body = null;
        chunked = false;
        declaredLength = null;
        noLength = false;
        return this;
    }

    /** Sends the body in chunks, without a length. */
    Message chunked() {
        chunked = true;
        return this;
    }

    /** Declares this Content-Length whatever the body's size. */
    Message declaredLength(String value) {
        declaredLength = value;
        return this;
    }

    /** Sends the body with neither a length nor chunking. */
    Message noLength() {
        noLength = true;
        return this;
    }

    byte[] bytes() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append(lineEnd);
        headers.forEach(h -> head.append(h[0]).append(h[1] == null ? "" : ": " + h[1]).append(lineEnd));
        if (chunked) {
            head.append("Transfer-Encoding: chunked").append(lineEnd);
        } else if (declaredLength != null) {
            head.append("Content-Length: ").append(declaredLength).append(lineEnd);
        } else if (body != null && !noLength) {
            head.append("Content-Length: ").append(body.length).append(lineEnd);
        }
        head.append(lineEnd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null && chunked) {
            for (int from = 0; from < body.length; from += 8192) {
                int n = Math.min(8192, body.length - from);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
