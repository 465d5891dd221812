package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.EmbedTextQuery;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TextContent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
public class EmbeddingService implements EmbedTextQuery {

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
        long characters = 0;
        for (String text : texts) {
            TextContent.require(text, "texts must not be blank");
            characters += text.length();
        }
        InvalidValueException.require(characters <= MAX_CHARACTERS,
                "at most " + MAX_CHARACTERS + " characters per request, all texts together; got " + characters);
        return embedding.embed(texts);
    }

    @Override
    public String model() {
        return embedding.model();
    }
}
