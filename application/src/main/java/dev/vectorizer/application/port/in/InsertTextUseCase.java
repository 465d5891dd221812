package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.VectorId;
import java.util.List;

public interface InsertTextUseCase {

    /**
     * Chunks the text, embeds every chunk in-process and upserts them as {@code <id>#<n>} with the
     * chunk text in the payload ({@code text}) and in the keyword index. Returns the chunk ids.
     */
    List<VectorId> insertText(Caller.OfTenant caller, CollectionName collection, TextDocument document);
}
