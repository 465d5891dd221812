package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import java.util.List;

public interface EmbedTextQuery {

    int MAX_TEXTS = 256;

    /** The embedding of each text, in order, by the installation's embedding model. */
    List<float[]> embed(Caller.OfTenant caller, List<String> texts);

    /** Name of the model {@link #embed} uses. */
    String model();
}
