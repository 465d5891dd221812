package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.search.Condition;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.GeoRadius;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.Range;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Translates a payload {@link Filter} into a non-scoring Lucene query over the fields written by
 * {@link PayloadFields}, matching exactly the documents for which {@code filter.matches(payload)} holds:
 * <ul>
 *   <li>{@code must} conditions are {@code FILTER} clauses; {@code should} conditions form a nested
 *       disjunction (at least one must hold) added as a {@code FILTER}; {@code mustNot} conditions are
 *       {@code MUST_NOT} clauses. A {@link MatchAllDocsQuery} {@code FILTER} is added when there is no
 *       positive clause, so a purely negative filter selects everything but the excluded.</li>
 *   <li>{@link Match}: a string matches the keyword field, a boolean the boolean field, a number the
 *       double point field exactly (so {@code 5} equals {@code 5.0}); any array element may match
 *       because each element is indexed under the same path.</li>
 *   <li>{@link Range}: one inclusive {@link DoublePoint} range with exclusive bounds made inclusive by
 *       {@link Math#nextUp}/{@link Math#nextDown}; the tightest of several lower/upper bounds wins.</li>
 *   <li>{@link GeoRadius}: {@link LatLonPoint#newDistanceQuery} (haversine on the same mean earth
 *       radius as the reference; Lucene encodes coordinates to about 1e-7 degrees, so points within
 *       centimetres of the circle's edge may differ).</li>
 * </ul>
 */
final class FilterQueries {

    private FilterQueries() {
    }

    static Query toQuery(Condition condition) {
        return switch (condition) {
            case Filter f -> filter(f);
            case Match m -> match(m);
            case Range r -> range(r);
            case GeoRadius g -> LatLonPoint.newDistanceQuery(PayloadFields.geoField(g.key()), g.lat(), g.lon(), g.meters());
        };
    }

    private static Query filter(Filter filter) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Condition c : filter.must()) {
            builder.add(toQuery(c), Occur.FILTER);
        }
        if (!filter.should().isEmpty()) {
            builder.add(anyOf(filter.should()), Occur.FILTER);
        }
        if (filter.must().isEmpty() && filter.should().isEmpty()) {
            builder.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
        }
        for (Condition c : filter.mustNot()) {
            builder.add(toQuery(c), Occur.MUST_NOT);
        }
        return builder.build();
    }

    private static Query anyOf(List<Condition> conditions) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Condition c : conditions) {
            builder.add(toQuery(c), Occur.SHOULD);
        }
        builder.setMinimumNumberShouldMatch(1);
        return builder.build();
    }

    private static Query match(Match match) {
        return switch (match.value()) {
            case String s -> new TermQuery(new Term(PayloadFields.stringField(match.key()), s));
            case Boolean b -> new TermQuery(new Term(PayloadFields.booleanField(match.key()), b.toString()));
            case Number n -> DoublePoint.newExactQuery(PayloadFields.numberField(match.key()), PayloadFields.normalize(n.doubleValue()));
            default -> throw new IllegalArgumentException("unsupported match value " + match.value());
        };
    }

    private static Query range(Range range) {
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        if (range.gte() != null) {
            lower = Math.max(lower, PayloadFields.normalize(range.gte()));
        }
        if (range.gt() != null) {
            lower = Math.max(lower, Math.nextUp(PayloadFields.normalize(range.gt())));
        }
        if (range.lte() != null) {
            upper = Math.min(upper, PayloadFields.normalize(range.lte()));
        }
        if (range.lt() != null) {
            upper = Math.min(upper, Math.nextDown(PayloadFields.normalize(range.lt())));
        }
        if (lower > upper) {
            return new MatchNoDocsQuery("empty range on " + range.key());
        }
        return DoublePoint.newRangeQuery(PayloadFields.numberField(range.key()), lower, upper);
    }
}
