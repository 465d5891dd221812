package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonMediaTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON; charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json;"})
    void jsonWithoutACharsetOrInUtf8(String contentType) {
        assertThat(JsonMediaType.isUtf8Json(contentType)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"text/plain", "application/graphql", "application/json; charset=utf-16", "application/json; charset=nope",
        "application/json; charset", ";", ";;", ""})
    void anythingElse(String contentType) {
        assertThat(JsonMediaType.isUtf8Json(contentType)).isFalse();
    }
}
