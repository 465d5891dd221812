package dev.vectorizer.bench.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 spoken by hand over a socket, one connection per exchange: the bytes of a request go out
 * exactly as given (the JDK client refuses odd request lines and headers), and the answer is read
 * with its framing (Content-Length, chunked, or until the server closes), within a deadline.
 */
final class RawHttp {

    private static final int MAX_BODY = 4 << 20;

    /** An answer, or none ({@code status} 0, {@code statusLine} says why). */
    record Answer(int status, String statusLine, List<String[]> headers, byte[] body) {

        static Answer none(String why) {
            return new Answer(0, why, List.of(), new byte[0]);
        }

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final InetSocketAddress server;
    private final Duration timeout;

    RawHttp(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** Sends {@code request}; a server that stops reading early may still have answered, so the answer is read regardless. */
    Answer exchange(byte[] request, boolean headRequest) {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException stoppedReading) {
                // the server closed its side while we wrote: read what it said before that
            }
            return read(new BufferedInputStream(socket.getInputStream()), headRequest, System.nanoTime() + timeout.toNanos());
        } catch (SocketTimeoutException e) {
            return Answer.none("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Answer.none("connection failed: " + e.getMessage());
        } catch (NumberFormatException e) {
            return Answer.none("answer with broken framing: " + e.getMessage());
        }
    }

    private static Answer read(InputStream in, boolean headRequest, long deadline) throws IOException {
        while (true) {
            String statusLine = line(in, deadline);
            if (statusLine == null) {
                return Answer.none("closed without an answer");
            }
            List<String[]> headers = new ArrayList<>();
            for (String h = line(in, deadline); h != null && !h.isEmpty(); h = line(in, deadline)) {
                int colon = h.indexOf(':');
                headers.add(colon < 0 ? new String[] {h, ""} : new String[] {h.substring(0, colon).strip(), h.substring(colon + 1).strip()});
            }
            int status = status(statusLine);
            if (status == 100) {
                continue; // the interim answer to Expect: 100-continue; the real one follows
            }
            Answer head = new Answer(status, statusLine, headers, new byte[0]);
            if (headRequest || status / 100 == 1 || status == 204 || status == 304) {
                return head;
            }
            return new Answer(status, statusLine, headers, body(in, head, deadline));
        }
    }

    private static byte[] body(InputStream in, Answer head, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (head.header("Transfer-Encoding").map(t -> t.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            for (String size = line(in, deadline); size != null; size = line(in, deadline)) {
                int length = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (length == 0) {
                    break;
                }
                copy(in, body, length, deadline);
                line(in, deadline);
            }
        } else if (head.header("Content-Length").isPresent()) {
            copy(in, body, Integer.parseInt(head.header("Content-Length").get().strip()), deadline);
        } else {
            copy(in, body, MAX_BODY, deadline); // until the server closes
        }
        return body.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, int length, long deadline) throws IOException {
        byte[] buffer = new byte[8192];
        int left = Math.min(length, MAX_BODY);
        while (left > 0 && System.nanoTime() < deadline) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    /** One line without its CRLF; {@code null} at the end of the stream. */
    private static String line(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("deadline");
            }
        }
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        try {
            return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
