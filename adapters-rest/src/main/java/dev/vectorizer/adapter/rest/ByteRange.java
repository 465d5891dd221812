package dev.vectorizer.adapter.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a representation of {@code size} bytes (RFC 9110 §14.1.2): {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. Anything else (several ranges, other units, nonsense) is
 * ignored, which the RFC allows: the whole representation is sent.
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
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                return Optional.of(suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            return Optional.of(first >= size || last < first ? UNSATISFIABLE : new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            return Optional.of(UNSATISFIABLE);
        }
    }

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -2);
}
