package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON codec of every interface: JSON text to the domain's JSON tree and back.
 *
 * <p>The tree: objects are {@code Map<String, Object>} (in document order), arrays {@code List},
 * strings {@code String}, numbers {@code Long} or {@code Double}, {@code Boolean} and {@code null}
 * — the values a {@link dev.vectorizer.domain.Payload} holds. An array of numbers may be an
 * unboxed list (read vectors with {@link JsonFields#vector}).
 *
 * <p>Numbers, one rule everywhere: a literal without fraction and exponent whose value fits a
 * signed 64-bit integer is a {@code Long} ({@code -0} is {@code 0}); any other number is the
 * nearest {@code Double} (so {@code 18446744073709551616} is {@code 1.8446744073709552E19}, never
 * a truncated long; {@code 1e-400} is {@code 0.0}; {@code -0.0} stays {@code -0.0}); a number
 * beyond the double range ({@code 1e309}) is refused. Written back, a {@code Long} has no fraction
 * and a {@code Double} always has one or an exponent ({@link Double#toString}, the shortest text
 * that reads back as the same double), so the tree survives a round trip with its types.
 *
 * <p>Parsing is strict (RFC 8259, plus limits): duplicate keys, text after the value, invalid
 * UTF-8, invalid escapes and unpaired surrogates, nesting deeper than {@value #MAX_DEPTH} levels
 * and numbers longer than {@value #MAX_NUMBER_LENGTH} characters are refused with a
 * {@link MalformedJsonException} saying where. A leading byte order mark is skipped.
 */
public final class Json {

    /** Most arrays and objects nested in one another. */
    public static final int MAX_DEPTH = 64;
    /** Longest number literal, in characters. */
    public static final int MAX_NUMBER_LENGTH = 256;

    private Json() {
    }

    /**
     * How many bytes of {@code utf8} are a leading byte order mark (3 or 0): parsing skips it (RFC 8259
     * §8.1 lets a parser ignore it), and a library handed the same text may need it taken off.
     */
    public static int byteOrderMarkLength(byte[] utf8) {
        return utf8.length >= 3 && utf8[0] == (byte) 0xEF && utf8[1] == (byte) 0xBB && utf8[2] == (byte) 0xBF ? 3 : 0;
    }

    /** The tree of a UTF-8 JSON text. */
    public static Object parse(byte[] utf8) {
        return new JsonParser(utf8).document();
    }

    /** The tree of a JSON text. */
    public static Object parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) { // UTF-8 cannot carry it: say where it is
                byte[] before = text.substring(0, i).getBytes(StandardCharsets.UTF_8);
                throw MalformedJsonException.at(before, before.length, "unpaired surrogate");
            }
        }
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The tree as compact JSON text, in the maps' iteration order: the same tree gives the same
     * text. Besides the tree's own values it writes {@code Integer}, {@code Float} and
     * {@code float[]} (vectors); NaN and infinities have no JSON form and are refused.
     */
    public static String write(Object tree) {
        return JsonWriter.write(tree);
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] writeUtf8(Object tree) {
        return write(tree).getBytes(StandardCharsets.UTF_8);
    }

    /** How many bytes {@link #writeUtf8} would give, without writing the text. */
    public static long utf8Length(Object tree) {
        return JsonWriter.utf8Length(tree);
    }

    /**
     * An object of the given keys and values, in that order ({@code object("m", 16, "ef", 200)}):
     * for answers whose field order should not depend on a hash.
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        InvalidValueException.require(keysAndValues.length % 2 == 0, "keys and values come in pairs");
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /**
     * A tree built by someone else (another JSON library, a GraphQL or MCP runtime) in this
     * codec's form: any {@code Number} by the rule above (through its decimal text for
     * {@code BigInteger}/{@code BigDecimal}), {@code CharSequence} as {@code String}, maps and lists
     * copied, within the same nesting limit. A value of another type is refused.
     */
    public static Object canonical(Object value) {
        return canonical(value, 0);
    }

    private static Object canonical(Object value, int depth) {
        if ((value instanceof Map || value instanceof List) && depth == MAX_DEPTH) {
            throw new MalformedJsonException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            case CharSequence s -> s.toString();
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> finite(d);
            case Float f -> finite(f.doubleValue());
            case BigInteger n -> number(n.toString());
            case BigDecimal n -> number(n.toString());
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    InvalidValueException.require(k instanceof CharSequence, "JSON object keys are strings, not " + k);
                    copy.put(k.toString(), canonical(v, depth + 1));
                });
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(canonical(item, depth + 1)));
                yield copy;
            }
            default -> throw new InvalidValueException("not a JSON value: " + value.getClass().getSimpleName());
        };
    }

    private static Double finite(double value) {
        InvalidValueException.require(Double.isFinite(value), "JSON numbers are finite");
        return value;
    }

    private static Object number(String literal) {
        Object value = parse(literal);
        if (!(value instanceof Number)) {
            throw new MalformedJsonException("not a number: " + literal);
        }
        return value;
    }
}
