package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({
            "PT30S, 30000", "P7D, 604800000", "PT1H30M, 5400000", "pt0.5s, 500", "PT0S, 0",
            "500ms, 500", "30s, 30000", "10m, 600000", "2h, 7200000", "7d, 604800000", "0s, 0",
            "' 30 s ', 30000", "30S, 30000"})
    void readsIsoAndNumberWithUnit(String text, long millis) {
        assertThat(converter.convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "soon", "30 seconds", "1.5s", "-5s", "-PT5S", "PT-5S", "P", "10y", "s",
            "99999999999999999999s", "9999999999999999d"})
    void rejectsAnythingElseNamingTheValueAndTheSyntax(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("PT30S")
                .hasMessageContaining("30s");
    }

    @Test
    void anEmptyValueIsNoValue() {
        assertThat(converter.convert("  ")).isNull();
    }
}
