package dev.vectorizer.domain.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict recursive-descent parser of RFC 8259 JSON, read straight from its UTF-8 bytes, into the
 * tree {@link Json} describes. Outside strings JSON is ASCII; inside them, runs of other bytes are
 * decoded strictly. One instance parses one document; recursion is bounded by
 * {@link Json#MAX_DEPTH}.
 *
 * <p>Longer than our other classes on purpose: the grammar's productions share one cursor over the
 * bytes, and reading them top to bottom in one place is how a parser is checked.
 */
final class JsonParser {

    private static final int END = -1;
    /** Powers of ten that are exact doubles, for the exact fast path of {@link #number}. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_MANTISSA = 1L << 53;
    private static final long MANTISSA_DIGITS_LIMIT = 100_000_000_000_000_000L; // 10^17: more digits are dropped

    private final byte[] text;
    private final int end;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    private int pos;

    // The last number scanned, unboxed: an integer (longValue) or not (doubleValue).
    private boolean integer;
    private long longValue;
    private double doubleValue;

    JsonParser(byte[] text) {
        this.text = text;
        this.end = text.length;
    }

    Object document() {
        pos = Json.byteOrderMarkLength(text);
        skipWhitespace();
        Object value = value(0);
        skipWhitespace();
        if (pos != end) {
            throw error("unexpected " + found() + " after the JSON value");
        }
        return value;
    }

    private Object value(int depth) {
        int c = peek();
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c != '-' && !isDigit(c)) {
                    throw error("expected a value but found " + found());
                }
                number();
                yield integer ? (Object) longValue : (Object) doubleValue;
            }
        };
    }

    private Map<String, Object> object(int depth) {
        enter(depth);
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key but found " + found());
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            int size = object.size();
            object.put(key, value(depth));
            if (object.size() == size) {
                throw MalformedJsonException.at(text, keyAt, "duplicate key \"" + key + "\"");
            }
            if (!nextElement('}')) {
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        enter(depth);
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new ArrayList<>(0);
        }
        NumberArray.Builder numbers = new NumberArray.Builder();
        List<Object> items = null; // once an element is not a number that fits the unboxed form
        while (true) {
            skipWhitespace();
            int c = peek();
            if (items == null && (c == '-' || isDigit(c))) {
                number();
                if (!integer) {
                    numbers.add(doubleValue);
                } else if (!numbers.add(longValue)) {
                    items = numbers.boxed();
                    items.add(longValue);
                }
            } else {
                if (items == null) {
                    items = numbers.boxed();
                }
                items.add(value(depth));
            }
            if (!nextElement(']')) {
                return items == null ? numbers.build() : items;
            }
        }
    }

    private void enter(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw error("nested deeper than " + Json.MAX_DEPTH + " levels");
        }
        pos++;
    }

    /** After an element: true at a comma (another element follows), false at {@code close}. */
    private boolean nextElement(char close) {
        skipWhitespace();
        int c = peek();
        if (c == ',' || c == close) {
            pos++;
            return c == ',';
        }
        throw error("expected ',' or '" + close + "' but found " + found());
    }

    private String string() {
        int start = ++pos;
        boolean ascii = true;
        while (pos < end) {
            int b = text[pos] & 0xFF;
            if (b == '"') {
                String s = ascii ? new String(text, start, pos - start, StandardCharsets.ISO_8859_1) : decode(start, pos);
                pos++;
                return s;
            }
            if (b == '\\' || b < 0x20) {
                break;
            }
            ascii &= b < 0x80;
            pos++;
        }
        StringBuilder out = new StringBuilder(pos - start + 16);
        int run = start; // start of the bytes not yet decoded
        while (true) {
            int b = peek();
            if (b == END) {
                throw error("unterminated string");
            } else if (b == '"' || b == '\\') {
                out.append(decode(run, pos));
                if (b == '"') {
                    pos++;
                    return out.toString();
                }
                escape(out);
                run = pos;
            } else if (b < 0x20) {
                throw error("control character U+%04X in a string must be escaped".formatted(b));
            } else {
                pos++;
            }
        }
    }

    /** The UTF-8 bytes {@code [from, to)} as text; bytes that are not UTF-8 are refused where they are. */
    private String decode(int from, int to) {
        CharBuffer chars = CharBuffer.allocate(to - from);
        ByteBuffer bytes = ByteBuffer.wrap(text, from, to - from);
        if (utf8.reset().decode(bytes, chars, true).isError()) {
            throw MalformedJsonException.at(text, bytes.position(), "invalid UTF-8");
        }
        return chars.flip().toString();
    }

    private void escape(StringBuilder out) {
        int at = pos++;
        if (pos >= end) {
            throw error("unterminated string");
        }
        int e = text[pos++];
        switch (e) {
            case '"', '\\', '/' -> out.append((char) e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4(at);
                if (Character.isHighSurrogate(unit) && pos + 1 < end && text[pos] == '\\' && text[pos + 1] == 'u') {
                    pos += 2;
                    char low = hex4(at);
                    if (Character.isLowSurrogate(low)) {
                        out.append(unit).append(low);
                        return;
                    }
                }
                if (Character.isSurrogate(unit)) {
                    throw MalformedJsonException.at(text, at, "unpaired surrogate escape in a string");
                }
                out.append(unit);
            }
            default -> throw MalformedJsonException.at(text, at, "invalid escape after '\\'");
        }
    }

    private char hex4(int escapeAt) {
        if (pos + 4 > end) {
            throw MalformedJsonException.at(text, escapeAt, "\\u needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int c = text[pos++];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw MalformedJsonException.at(text, escapeAt, "\\u needs four hex digits");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /**
     * Scans a number into {@link #integer}/{@link #longValue}/{@link #doubleValue} by the rule of
     * {@link Json}. Decimals of at most 15 significant digits with a small exponent are computed
     * exactly (one correctly rounded multiplication or division of exact doubles); others go to
     * {@link Double#parseDouble}.
     */
    private void number() {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        long mantissa = 0;
        boolean dropped = false; // significant digits beyond what mantissa holds
        int exponent = 0;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("a number cannot have a leading zero");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                if (mantissa < MANTISSA_DIGITS_LIMIT) {
                    mantissa = mantissa * 10 + (text[pos] - '0');
                } else {
                    dropped = true;
                    exponent++;
                }
                pos++;
            }
        } else {
            throw error("expected a digit but found " + found());
        }
        boolean fraction = peek() == '.';
        if (fraction) {
            pos++;
            requireDigit();
            while (isDigit(peek())) {
                if (mantissa < MANTISSA_DIGITS_LIMIT) {
                    mantissa = mantissa * 10 + (text[pos] - '0');
                    exponent--;
                } else {
                    dropped = true;
                }
                pos++;
            }
        }
        boolean exponentPart = peek() == 'e' || peek() == 'E';
        if (exponentPart) {
            pos++;
            boolean negativeExponent = peek() == '-';
            if (negativeExponent || peek() == '+') {
                pos++;
            }
            requireDigit();
            int value = 0;
            while (isDigit(peek())) {
                value = Math.min(value * 10 + (text[pos++] - '0'), 1_000_000);
            }
            exponent += negativeExponent ? -value : value;
        }
        int length = pos - start;
        if (length > Json.MAX_NUMBER_LENGTH) {
            throw MalformedJsonException.at(text, start, "a number is longer than " + Json.MAX_NUMBER_LENGTH + " characters");
        }
        integer = !fraction && !exponentPart && (!dropped || fitsLong(start, length));
        if (integer) {
            longValue = dropped ? longValue : negative ? -mantissa : mantissa;
            return;
        }
        if (!dropped && mantissa <= EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            double magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
            doubleValue = negative ? -magnitude : magnitude;
        } else {
            doubleValue = Double.parseDouble(ascii(start, length));
        }
        if (Double.isInfinite(doubleValue)) {
            throw MalformedJsonException.at(text, start, "a number is beyond the range of a double (±1.8e308)");
        }
    }

    /** For an integer literal of many digits: parses it into {@link #longValue} if it fits a long. */
    private boolean fitsLong(int start, int length) {
        try {
            longValue = Long.parseLong(ascii(start, length));
            return true;
        } catch (NumberFormatException beyondLong) {
            return false;
        }
    }

    private String ascii(int start, int length) {
        return new String(text, start, length, StandardCharsets.ISO_8859_1);
    }

    private void requireDigit() {
        if (!isDigit(peek())) {
            throw error("expected a digit but found " + found());
        }
    }

    private Object literal(String word, Object value) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || text[pos + i] != word.charAt(i)) {
                throw error("expected a value but found " + found());
            }
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + found());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = text[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < end ? text[pos] & 0xFF : END;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private String found() {
        int c = peek();
        if (c == END) {
            return "the end of the text";
        }
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : c < 0x80 ? "U+%04X".formatted(c) : "a non-ASCII character";
    }

    private MalformedJsonException error(String problem) {
        return MalformedJsonException.at(text, pos, problem);
    }
}
