package dev.vectorizer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextContentTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "  a  ", "e\u0301", "\u65e5\u672c", "\uD83D\uDE00", ".", "\u0378", "a\u202e"})
    void lettersSymbolsAndPunctuationAreContent(String text) {
        assertThat(TextContent.hasContent(text)).isTrue();
        assertThat(TextContent.require(text, "no content")).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \t\n", "\u00a0\u2003", "\u0000\u007f\u0085", "\u202e", "\u200b\u2060", "\u0301\u0302", "\u0903",
        "\u20dd", "\ue000", "\uDB80\uDC00", "\uFFFD", "\uD800", "\uDC00 \uD800"})
    void blanksControlsFormatsMarksPrivateUseAndLoneSurrogatesAreNot(String text) {
        assertThat(TextContent.hasContent(text)).isFalse();
        assertThatThrownBy(() -> TextContent.require(text, "no content")).isInstanceOf(InvalidValueException.class).hasMessage("no content");
    }
}
