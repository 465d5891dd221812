package dev.vectorizer.domain.json;

import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree as compact JSON text, or only counts the UTF-8 bytes that text would have:
 * one walk serves both, so the count is the length of the text by construction.
 */
final class JsonWriter {

    private final StringBuilder out; // null when only counting
    private long utf8Bytes;

    private JsonWriter(StringBuilder out) {
        this.out = out;
    }

    static String write(Object tree) {
        JsonWriter writer = new JsonWriter(new StringBuilder(256));
        writer.value(tree);
        return writer.out.toString();
    }

    static long utf8Length(Object tree) {
        JsonWriter counter = new JsonWriter(null);
        counter.value(tree);
        return counter.utf8Bytes;
    }

    private void value(Object value) {
        switch (value) {
            case null -> ascii("null");
            case String s -> string(s);
            case Boolean b -> ascii(b ? "true" : "false");
            case Long l -> ascii(Long.toString(l));
            case Integer i -> ascii(Integer.toString(i));
            case Double d -> ascii(Double.toString(finite(d)));
            case Float f -> ascii(Float.toString((float) finite(f)));
            case float[] floats -> floats(floats);
            case Map<?, ?> map -> object(map);
            case List<?> list -> array(list);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> map) {
        ascii('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys are strings, not " + entry.getKey());
            }
            if (!first) {
                ascii(',');
            }
            first = false;
            string(key);
            ascii(':');
            value(entry.getValue());
        }
        ascii('}');
    }

    private void array(List<?> list) {
        ascii('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                ascii(',');
            }
            value(list.get(i));
        }
        ascii(']');
    }

    private void floats(float[] floats) {
        ascii('[');
        for (int i = 0; i < floats.length; i++) {
            if (i > 0) {
                ascii(',');
            }
            ascii(Float.toString((float) finite(floats[i])));
        }
        ascii(']');
    }

    /**
     * A string with {@code "}, {@code \} and control characters escaped, everything else as is
     * (UTF-8); an unpaired surrogate, which UTF-8 cannot carry, as a {@code \}{@code u} escape.
     */
    private void string(String s) {
        ascii('"');
        int run = 0; // start of the characters not yet copied
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c >= 0x20 && c != '"' && c != '\\') {
                utf8Bytes++;
            } else if (c >= 0x80 && c < 0x800) {
                utf8Bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                utf8Bytes += 4;
                i++;
            } else if (c >= 0x800 && !Character.isSurrogate(c)) {
                utf8Bytes += 3;
            } else {
                copy(s, run, i);
                run = i + 1;
                ascii(switch (c) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> "\\u%04x".formatted((int) c);
                });
            }
        }
        copy(s, run, s.length());
        ascii('"');
    }

    private void copy(String s, int from, int to) {
        if (out != null) {
            out.append(s, from, to);
        }
    }

    private void ascii(String text) {
        if (out != null) {
            out.append(text);
        }
        utf8Bytes += text.length();
    }

    private void ascii(char c) {
        if (out != null) {
            out.append(c);
        }
        utf8Bytes++;
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no NaN or Infinity");
        }
        return value;
    }
}
