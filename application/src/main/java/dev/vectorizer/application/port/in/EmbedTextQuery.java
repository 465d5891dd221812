package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import java.util.List;

public interface EmbedTextQuery {

    /** Most texts per request. */
    int MAX_TEXTS = 256;
    /**
     * Most characters per request, all texts together. The model's work grows with the text, so
     * this bounds what one request (even a read-only key's) can cost: about a hundred pages.
     */
    int MAX_CHARACTERS = 100_000;

    /** The embedding of each text, in order, by the installation's embedding model. */
    List<float[]> embed(Caller.OfTenant caller, List<String> texts);

    /** Name of the model {@link #embed} uses. */
    String model();
}
