package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.VectorId;
import java.util.List;

public interface InsertTextUseCase {

    /**
     * Chunks the text, embeds every chunk in-process and upserts them as {@code <id>#<n>} with the
     * chunk text ({@code text}), the document id ({@code document_id}) and the chunk number
     * ({@code chunk}) in the payload, and the text in the keyword index. Chunks left from an earlier,
     * longer version of the same document are deleted. Returns the chunk ids.
     */
    List<VectorId> insertText(Caller.OfTenant caller, CollectionName collection, TextDocument document);
}
