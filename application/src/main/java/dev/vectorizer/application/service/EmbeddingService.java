package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.EmbedTextQuery;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
public class EmbeddingService implements EmbedTextQuery {

    static final int MAX_TEXT_LENGTH = 100_000;

    private final EmbeddingPort embedding;

    @Inject
    public EmbeddingService(EmbeddingPort embedding) {
        this.embedding = embedding;
    }

    /** For the CDI client proxy only. */
    protected EmbeddingService() {
        this(null);
    }

    @Override
    public List<float[]> embed(Caller.OfTenant caller, List<String> texts) {
        caller.require(Operation.READ);
        InvalidValueException.require(!texts.isEmpty(), "no texts given");
        InvalidValueException.require(texts.size() <= MAX_TEXTS, "at most " + MAX_TEXTS + " texts per request");
        for (String text : texts) {
            InvalidValueException.require(text != null && !text.isBlank(), "texts must not be blank");
            InvalidValueException.require(text.length() <= MAX_TEXT_LENGTH, "a text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return embedding.embed(texts);
    }

    @Override
    public String model() {
        return embedding.model();
    }
}
