package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import java.util.List;

/**
 * Qdrant-style boolean filter: every {@code must} holds, at least one {@code should} holds (when
 * there are any), no {@code mustNot} holds. Filters nest.
 */
public record Filter(List<Condition> must, List<Condition> should, List<Condition> mustNot) implements Condition {

    public Filter {
        must = List.copyOf(must == null ? List.of() : must);
        should = List.copyOf(should == null ? List.of() : should);
        mustNot = List.copyOf(mustNot == null ? List.of() : mustNot);
        InvalidValueException.require(!must.isEmpty() || !should.isEmpty() || !mustNot.isEmpty(),
                "a filter needs at least one clause in must, should or must_not");
    }

    @Override
    public boolean matches(Payload payload) {
        return must.stream().allMatch(c -> c.matches(payload))
                && (should.isEmpty() || should.stream().anyMatch(c -> c.matches(payload)))
                && mustNot.stream().noneMatch(c -> c.matches(payload));
    }
}
