package dev.vectorizer.domain.search;

import dev.vectorizer.domain.Payload;

/** A predicate over a payload; {@link #matches} is the reference semantics every index must reproduce. */
public sealed interface Condition permits Filter, Match, Range, GeoRadius {

    boolean matches(Payload payload);
}
