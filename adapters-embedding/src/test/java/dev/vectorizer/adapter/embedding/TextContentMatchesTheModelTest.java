package dev.vectorizer.adapter.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.vectorizer.domain.TextContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The domain's rule for what a text must contain ({@link TextContent#hasContent}) against the model's
 * own tokenizer, loaded as langchain4j loads it: every code point the rule calls content gives the model
 * a token besides {@code [CLS]} and {@code [SEP]}, so a text that passes the rule is never refused by
 * the model (which refused a text of only U+202E with a 500 before the rule knew format characters).
 */
class TextContentMatchesTheModelTest {

    @Test
    void everyCodePointTheRuleCallsContentIsReadByTheModel() throws IOException {
        try (InputStream json = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json");
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"))) {
            assertThat(tokenizer.tokenize("\u202e")).as("the character that was refused").containsExactly("[CLS]", "[SEP]");
            List<String> unread = new ArrayList<>();
            int content = 0;
            for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
                String text = Character.toString(codePoint);
                if (TextContent.hasContent(text)) {
                    content++;
                    if (tokenizer.tokenize(text).size() <= 2 && unread.size() < 20) {
                        unread.add(String.format("U+%04X %s", codePoint, Character.getName(codePoint)));
                    }
                }
            }
            assertThat(unread).as("content the model drops").isEmpty();
            assertThat(content).as("code points that are content").isGreaterThan(900_000);
        }
    }
}
