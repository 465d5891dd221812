package dev.vectorizer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.rest.problem.ErrorType;
import dev.vectorizer.domain.ErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * REST's {@code error_type} names are the domain's {@link ErrorCode}s, which GraphQL and MCP report
 * too: a client sees one vocabulary whichever interface it uses. (The REST adapter keeps its own enum
 * for each name's HTTP status and title.)
 */
class ErrorVocabularyTest {

    @Test
    void everyInterfaceNamesFailuresAlike() {
        assertThat(Arrays.stream(ErrorType.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }
}
