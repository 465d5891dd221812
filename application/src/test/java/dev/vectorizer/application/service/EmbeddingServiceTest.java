package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.port.in.EmbedTextQuery;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Permission;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one embedding request may cost is bounded, whoever asks. */
class EmbeddingServiceTest {

    private static final Caller.OfTenant READER = new Caller.OfTenant(new TenantId("acme"), new Principal.TokenSubject("tester"), Set.of(Permission.READ_ONLY), false);

    private final InMemoryPorts.LetterCounts model = new InMemoryPorts.LetterCounts();
    private final EmbeddingService service = new EmbeddingService(model);

    @Test
    void aRequestEmbedsAtMostSoManyCharactersInAll() {
        String quarter = "a".repeat(EmbedTextQuery.MAX_CHARACTERS / 4);
        assertThat(service.embed(READER, Collections.nCopies(4, quarter))).hasSize(4);
        assertThatThrownBy(() -> service.embed(READER, List.of(quarter, quarter, quarter, quarter, "b")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 100000 characters per request");
        assertThatThrownBy(() -> service.embed(READER, Collections.nCopies(EmbedTextQuery.MAX_TEXTS + 1, "a")))
                .isInstanceOf(InvalidValueException.class);
        assertThat(model.calls).as("refused requests never reach the model").isEqualTo(1);
    }

    @Test
    void aTextOfControlCharactersIsBlank() {
        assertThatThrownBy(() -> service.embed(READER, List.of("hello", "\u0000\u0001")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must not be blank");
    }
}
