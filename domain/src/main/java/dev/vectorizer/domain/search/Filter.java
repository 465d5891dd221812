package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import java.util.List;
import java.util.stream.Stream;

/**
 * Qdrant-style boolean filter: every {@code must} holds, at least one {@code should} holds (when
 * there are any), no {@code mustNot} holds. Filters nest, at most {@value #MAX_DEPTH} levels deep
 * (this filter is level 1) with at most {@value #MAX_CLAUSES} clauses in all, nested ones
 * included: enough for any real query, and a bound on the work one filter can cause.
 */
public record Filter(List<Condition> must, List<Condition> should, List<Condition> mustNot) implements Condition {

    public static final int MAX_DEPTH = 8;
    public static final int MAX_CLAUSES = 256;

    public Filter {
        must = List.copyOf(must == null ? List.of() : must);
        should = List.copyOf(should == null ? List.of() : should);
        mustNot = List.copyOf(mustNot == null ? List.of() : mustNot);
        InvalidValueException.require(!must.isEmpty() || !should.isEmpty() || !mustNot.isEmpty(),
                "a filter needs at least one clause in must, should or must_not");
        requireClauses(Stream.of(must, should, mustNot).mapToInt(Filter::clauses).sum());
        InvalidValueException.require(depth(must, should, mustNot) <= MAX_DEPTH, "filters nest at most " + MAX_DEPTH + " levels deep");
    }

    /** Fails if a filter would have more than {@value #MAX_CLAUSES} clauses (also for readers, before they build one). */
    public static void requireClauses(int clauses) {
        InvalidValueException.require(clauses <= MAX_CLAUSES, "a filter has at most " + MAX_CLAUSES + " clauses");
    }

    @Override
    public boolean matches(Payload payload) {
        return must.stream().allMatch(c -> c.matches(payload))
                && (should.isEmpty() || should.stream().anyMatch(c -> c.matches(payload)))
                && mustNot.stream().noneMatch(c -> c.matches(payload));
    }

    /** Clauses in these lists, those of nested filters included. */
    private static int clauses(List<Condition> conditions) {
        return conditions.stream().mapToInt(c -> c instanceof Filter f ? 1 + clauses(f.must) + clauses(f.should) + clauses(f.mustNot) : 1).sum();
    }

    /** Levels spanned by a filter of these lists: 1, plus its deepest nested filter's. */
    private static int depth(List<Condition> must, List<Condition> should, List<Condition> mustNot) {
        return 1 + Stream.of(must, should, mustNot).flatMap(List::stream)
                .mapToInt(c -> c instanceof Filter f ? depth(f.must, f.should, f.mustNot) : 0).max().orElse(0);
    }
}
