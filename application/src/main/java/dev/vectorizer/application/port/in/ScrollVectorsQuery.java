package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;

public interface ScrollVectorsQuery {

    /** One page of the collection's vectors in id order. */
    ScrollPage scroll(Caller.OfTenant caller, CollectionName collection, ScrollRequest request);
}
