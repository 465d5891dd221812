package dev.vectorizer.adapter.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a representation of {@code size} bytes (RFC 9110 §14.1.2): {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. Anything else — several ranges, other units, nonsense, and an
 * invalid range such as {@code bytes=5-3} (last before first) — is ignored, as §14.2 allows: the whole
 * representation is sent. Only a valid range that does not overlap the representation (its first byte
 * at or past the end, or a suffix of zero bytes) is unsatisfiable (416, §14.1.3).
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    /** Empty: send everything. A range that cannot be satisfied is {@link #UNSATISFIABLE}. */
    static Optional<ByteRange> parse(String header, long size) {
        Matcher m = header == null ? null : SINGLE.matcher(header.strip());
        if (m == null || !m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = position(m.group(2));
            return Optional.of(suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = position(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : position(m.group(2));
        if (last < first) {
            return Optional.empty(); // invalid: ignored
        }
        return Optional.of(first >= size ? UNSATISFIABLE : new ByteRange(first, Math.min(last, size - 1)));
    }

    /** A position of digits only; one too large for a long is past any end. */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -2);
}
