package dev.vectorizer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerModeTest {

    @Test
    void parsesConfiguredNamesCaseInsensitively() {
        assertThat(ServerMode.parse("single")).isEqualTo(ServerMode.SINGLE);
        assertThat(ServerMode.parse(" Standalone ")).isEqualTo(ServerMode.STANDALONE);
        assertThat(ServerMode.parse("HUB")).isEqualTo(ServerMode.HUB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cluster", "singl"})
    void rejectsUnknownNames(String name) {
        assertThatThrownBy(() -> ServerMode.parse(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown mode");
    }

    @Test
    void rejectsMissingName() {
        assertThatThrownBy(() -> ServerMode.parse(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void configNameRoundTrips() {
        for (ServerMode mode : ServerMode.values()) {
            assertThat(ServerMode.parse(mode.configName())).isEqualTo(mode);
        }
    }
}
