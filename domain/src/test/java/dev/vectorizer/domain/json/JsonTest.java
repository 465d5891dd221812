package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one JSON codec: strict parsing, the number rule, deterministic writing. */
class JsonTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0                       | Long   | 0
            -0                      | Long   | 0
            42                      | Long   | 42
            9223372036854775807     | Long   | 9223372036854775807
            -9223372036854775808    | Long   | -9223372036854775808
            9223372036854775808     | Double | 9.223372036854776E18
            -9223372036854775809    | Double | -9.223372036854776E18
            18446744073709551616    | Double | 1.8446744073709552E19
            1e308                   | Double | 1.0E308
            -0.0                    | Double | -0.0
            0.1                     | Double | 0.1
            1e-400                  | Double | 0.0
            1.0                     | Double | 1.0
            1E2                     | Double | 100.0
            2.5e-3                  | Double | 0.0025
            123456789012345678.5    | Double | 1.2345678901234568E17
            0.30000000000000004     | Double | 0.30000000000000004
            4.9e-324                | Double | 4.9E-324
            """)
    void oneRuleTurnsANumberIntoAPayloadValue(String literal, String type, String expected) {
        Object value = Json.parse(literal);
        assertThat(value.getClass().getSimpleName()).isEqualTo(type);
        assertThat(value.toString()).isEqualTo(expected);
        assertThat(Json.parse(Json.write(value))).as("round trip keeps value and type").isEqualTo(value);
        if (!literal.equals("-0.0")) { // a BigDecimal has no negative zero
            assertThat(Json.canonical(new BigDecimal(literal))).as("the same rule for foreign numbers").isEqualTo(value);
        }
    }

    @Test
    void negativeZeroSurvivesARoundTrip() {
        Object value = Json.parse(Json.write(Json.parse("[-0.0]")));
        assertThat(Double.doubleToRawLongBits((Double) ((List<?>) value).getFirst())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void decimalsAreTheNearestDouble() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 3) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(60) - 30);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (!Double.isFinite(d)) {
                continue;
            }
            String text = random.nextBoolean() ? Double.toString(d) : new BigDecimal(d).round(new MathContext(1 + random.nextInt(17))).toString();
            double parsed = ((Number) ((List<?>) Json.parse("[" + text + "]")).getFirst()).doubleValue();
            assertThat(Double.compare(parsed, Double.parseDouble(text))).as(text).isZero();
        }
    }

    @Test
    void canonicalAppliesTheSameRuleToForeignTrees() {
        assertThat(Json.canonical(Map.of("i", 3, "big", new BigInteger("18446744073709551616"), "d", new BigDecimal("0.1"), "s", new StringBuilder("x"))))
                .isEqualTo(Map.of("i", 3L, "big", 1.8446744073709552E19, "d", 0.1, "s", "x"));
        assertThatThrownBy(() -> Json.canonical(List.of(Double.NaN))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Json.canonical(new BigDecimal("1e400"))).isInstanceOf(MalformedJsonException.class);
        Object deepest = List.of();
        for (int level = 1; level < Json.MAX_DEPTH; level++) {
            deepest = List.of(deepest);
        }
        assertThat(Json.canonical(deepest)).isEqualTo(deepest);
        Object tooDeep = List.of(deepest);
        assertThatThrownBy(() -> Json.canonical(tooDeep)).hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void parsesTheWholeGrammar() {
        Object tree = Json.parse(" {\"a\" : [1, 2.5, \"x\", true, false, null, {}, []],\n\"b\\u00e9\\n\\\"\": \"\\ud83d\\ude00 é\"} ");
        assertThat(tree).isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, "x", true, false, null, Map.of(), List.of()), "bé\n\"", "😀 é"));
        assertThat(Json.parse("\uFEFF[1]".getBytes(StandardCharsets.UTF_8))).as("byte order mark").isEqualTo(List.of(1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "{\"a\":1,}", "[1,]", "[1 2]", "{\"a\" 1}", "{a:1}", "'x'", "01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity",
        "tru", "nul", "\"unterminated", "\"tab\tinside\"", "\"bad \\x escape\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"",
        "{\"a\":1}x", "{\"a\":1} {}", "[1]]", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "1e309", "-1e309", "\"\\uD83D\\u0041\""})
    void refusesWhatIsNotStrictJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(MalformedJsonException.class).hasMessageStartingWith("malformed JSON at line");
    }

    @Test
    void saysWhereTheProblemIs() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}")).hasMessage("malformed JSON at line 3, column 3: duplicate key \"a\"");
        assertThatThrownBy(() -> Json.parse("{\"vectors\":[]} trailing")).hasMessage("malformed JSON at line 1, column 16: unexpected 't' after the JSON value");
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xC3, '"'})).hasMessage("malformed JSON at line 1, column 2: invalid UTF-8")
                .extracting(e -> ((MalformedJsonException) e).offset()).isEqualTo(1);
        assertThatThrownBy(() -> Json.parse("{\"é\": 1, \"é\": 2}")).as("columns count characters, not bytes")
                .hasMessage("malformed JSON at line 1, column 10: duplicate key \"é\"");
        assertThatThrownBy(() -> Json.parse("[\"a\", \"\ud800\"]")).hasMessage("malformed JSON at line 1, column 8: unpaired surrogate");
        assertThatThrownBy(() -> Json.parse(new byte[] {'[', (byte) 0xC3, (byte) 0xA9, ']'})).hasMessageContaining("found a non-ASCII character");
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})).as("an encoded surrogate is not UTF-8")
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void nestingAndNumberLengthAreBounded() {
        String deep = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(deep)).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[" + deep + "]")).hasMessageContaining("nested deeper than 64 levels");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(100_000))).hasMessageContaining("nested deeper than 64 levels");
        String longest = "1" + "0".repeat(Json.MAX_NUMBER_LENGTH - 1);
        assertThat(Json.parse(longest)).isEqualTo(1e255);
        assertThatThrownBy(() -> Json.parse(longest + "0")).hasMessageContaining("longer than 256 characters");
        assertThatThrownBy(() -> Json.parse("0." + "0".repeat(1_000_000) + "1")).hasMessageContaining("longer than 256 characters");
    }

    @Test
    void numberArraysReadAsTheSameValuesAsBoxedOnes() {
        Object numbers = Json.parse("[1, -2.5, 9007199254740993, 3]");
        assertThat(numbers).isEqualTo(List.of(1L, -2.5, 9007199254740993L, 3L));
        assertThat(Json.parse("[1.5, 2, -0.0]")).isEqualTo(List.of(1.5, 2L, -0.0)).isInstanceOf(NumberArray.class);
        assertThat(Json.parse("[1, \"x\", 2]")).isEqualTo(List.of(1L, "x", 2L));
        assertThat(JsonFields.vector(Json.parse("[0.1, 1, 1e39]"), "v")).containsExactly(0.1f, 1f, Float.POSITIVE_INFINITY);
    }

    @Test
    void writesCompactDeterministicJson() {
        Map<String, Object> tree = Json.object("s", "quote \" backslash \\ newline \n nul \u0000 é 😀", "n", 5L, "d", 2.5, "f", 0.1f,
                "v", new float[] {1f, 0.5f}, "l", Arrays.asList(true, null), "lone", "\ud800");
        String text = Json.write(tree);
        assertThat(text).isEqualTo("{\"s\":\"quote \\\" backslash \\\\ newline \\n nul \\u0000 é 😀\",\"n\":5,\"d\":2.5,\"f\":0.1,"
                + "\"v\":[1.0,0.5],\"l\":[true,null],\"lone\":\"\\ud800\"}");
        assertThat(Json.write(tree)).isEqualTo(text);
        assertThatThrownBy(() -> Json.write(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new float[] {Float.POSITIVE_INFINITY})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8LengthIsTheLengthOfTheWrittenText() {
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < 20; c++) {
                s.append((char) switch (random.nextInt(5)) {
                    case 0 -> random.nextInt(0x20);
                    case 1 -> 0x20 + random.nextInt(0x60);
                    case 2 -> 0x80 + random.nextInt(0x780);
                    case 3 -> 0x800 + random.nextInt(0xD000);
                    default -> 0xD800 + random.nextInt(0x800); // surrogates, paired or not
                });
            }
            Map<String, Object> tree = Json.object(s.toString(), List.of(s.toString(), random.nextLong(), random.nextDouble(), false));
            assertThat(Json.utf8Length(tree)).isEqualTo(Json.writeUtf8(tree).length);
        }
    }
}
