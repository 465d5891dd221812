package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Metric;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * What every Lucene commit of a collection records in its user data: the translog generation it covers
 * up to ({@link #GENERATION_KEY}; the open replays that generation and the newer ones) and the vector
 * field's similarity ({@link #SIMILARITY_KEY}), which fixes the index's {@link VectorSpace} for good. An
 * index without a similarity predates unit-vector cosine and opens in {@link VectorSpace#legacy}.
 */
final class CommitData {

    static final String GENERATION_KEY = "translog_generation";
    static final String SIMILARITY_KEY = "vector_similarity";

    private CommitData() {
    }

    /** What a commit covering the translog up to {@code generation} records. */
    static Map<String, String> of(long generation, VectorSpace space) {
        return Map.of(GENERATION_KEY, Long.toString(generation), SIMILARITY_KEY, space.similarity().name());
    }

    /** The user data of the writer's last commit (empty for a new index). */
    static Map<String, String> committed(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** The translog generation {@code committed} covers up to (0 if it records none). */
    static long generation(Map<String, String> committed) {
        return Long.parseLong(committed.getOrDefault(GENERATION_KEY, "0"));
    }

    /** The space an existing index was written in: as its commits record it, else the legacy one. */
    static VectorSpace spaceOf(Map<String, String> committed, Metric metric) {
        String similarity = committed.get(SIMILARITY_KEY);
        return similarity == null ? VectorSpace.legacy(metric) : new VectorSpace(metric, VectorSimilarityFunction.valueOf(similarity));
    }
}
