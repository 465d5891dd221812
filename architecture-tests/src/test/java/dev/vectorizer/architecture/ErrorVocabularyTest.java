package dev.vectorizer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.rest.problem.ErrorType;
import dev.vectorizer.domain.ErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * REST's {@code error_type} names and statuses are the domain's {@link ErrorCode}s, which GraphQL
 * and MCP report too: a client sees one vocabulary whichever interface it uses. (The REST adapter
 * keeps its own enum, which adds each name's title and problem type.)
 */
class ErrorVocabularyTest {

    @Test
    void everyInterfaceNamesFailuresAlike() {
        assertThat(Arrays.stream(ErrorType.values()).map(type -> type.name() + " " + type.status()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(code -> code.name() + " " + code.httpStatus()).toList());
    }
}
