package dev.vectorizer.adapter.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A selective filter's vectors are scored exactly (where Lucene alone would walk the graph), so the
 * answer is the true top k; a filter passing more than the cut-off still walks the graph.
 */
class FilteredKnnQueryTest {

    private static final int DIMENSION = 16;
    private static final int K = 10;

    @TempDir
    Path dir;

    final Random random = new Random(20261130);

    private float[] unitVector(int dimension) {
        return VectorUtil.l2normalize(Fixtures.random(random, dimension));
    }

    /** Counts the segments Lucene scores exactly for the wrapped query. */
    private static final class ExactCount {
        final AtomicInteger exact = new AtomicInteger();

        Query lucenes(float[] target, Query filter) {
            return new KnnFloatVectorQuery("vector", target, K, filter) {
                @Override
                protected TopDocs exactSearch(LeafReaderContext context, DocIdSetIterator accept, QueryTimeout timeout) throws IOException {
                    exact.incrementAndGet();
                    return super.exactSearch(context, accept, timeout);
                }
            };
        }

        Query ours(float[] target, Query filter) {
            return new FilteredKnnQuery("vector", target, K, filter, false) {
                @Override
                protected TopDocs exactSearch(LeafReaderContext context, DocIdSetIterator accept, QueryTimeout timeout) throws IOException {
                    exact.incrementAndGet();
                    return super.exactSearch(context, accept, timeout);
                }
            };
        }
    }

    @Test
    void aSelectiveFilterIsScoredExactlyWhereLuceneAloneWalksTheGraph() throws IOException {
        int cutOff = Math.toIntExact(FilteredKnnQuery.exactUpTo(K));
        int size = cutOff / 7 * 10; // 7 in 10 pass "few" (at most the cut-off), all pass "many" (over it)
        List<float[]> vectors = IntStream.range(0, size).mapToObj(i -> unitVector(4)).toList();
        try (Directory directory = new MMapDirectory(dir)) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (int i = 0; i < size; i++) {
                    Document doc = new Document();
                    doc.add(new StoredField("row", i));
                    if (i % 10 < 7) {
                        doc.add(new StringField("group", "few", Field.Store.NO));
                    }
                    doc.add(new StringField("group", "many", Field.Store.NO));
                    doc.add(new KnnFloatVectorField("vector", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query few = new TermQuery(new Term("group", "few"));
                Query many = new TermQuery(new Term("group", "many"));
                for (int q = 0; q < 20; q++) {
                    float[] target = unitVector(4);
                    ExactCount lucene = new ExactCount();
                    searcher.search(lucene.lucenes(target, few), K);
                    assertThat(lucene.exact).as("Lucene alone walks the graph for 70 % of the vectors").hasValue(0);

                    ExactCount ours = new ExactCount();
                    TopDocs top = searcher.search(ours.ours(target, few), K);
                    assertThat(ours.exact).hasValue(1);
                    assertThat(rows(searcher, top)).isEqualTo(bruteForce(vectors, target, i -> i % 10 < 7));

                    ExactCount walk = new ExactCount();
                    assertThat(searcher.search(walk.ours(target, many), K).scoreDocs).hasSize(K);
                    assertThat(walk.exact).as("matches over the cut-off are walked").hasValue(0);
                }
            }
        }
    }

    @Test
    void aSelectiveFilteredSearchThroughThePortReturnsTheTrueTopK() {
        LuceneVectorIndex index = new LuceneVectorIndex(new DataDirectory(dir), 8, Duration.ofHours(1), Duration.ZERO);
        try {
            Collection collection = Fixtures.collection("selective", DIMENSION);
            index.create(collection);
            List<float[]> values = new ArrayList<>();
            List<Vector> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                values.add(Fixtures.random(random, DIMENSION));
                batch.add(Fixtures.vector(Integer.toString(i), values.get(i), new Payload(Map.of("tag", i % 40 == 0 ? "rare" : "common"))));
                if (batch.size() == 500) {
                    index.upsert(collection, batch);
                    batch.clear();
                }
            }
            Optional<Filter> rare = Optional.of(new Filter(List.of(new Match("tag", "rare")), List.of(), List.of()));
            List<float[]> units = values.stream().map(VectorSpace::unit).toList();
            for (int q = 0; q < 20; q++) {
                float[] target = Fixtures.random(random, DIMENSION);
                List<ScoredPoint> hits = index.search(collection, new VectorQuery(target, K, K, rare, false, false));
                assertThat(hits.stream().map(h -> Integer.parseInt(h.id().value())).toList())
                        .isEqualTo(bruteForce(units, VectorSpace.unit(target), i -> i % 40 == 0));
            }
        } finally {
            index.close();
        }
    }

    private static List<Integer> rows(IndexSearcher searcher, TopDocs top) throws IOException {
        List<Integer> rows = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            rows.add(searcher.storedFields().document(hit.doc).getField("row").numericValue().intValue());
        }
        return rows;
    }

    /** The rows {@code keep} accepts, best dot product with {@code target} first, the first {@value #K}. */
    private static List<Integer> bruteForce(List<float[]> unitVectors, float[] target, java.util.function.IntPredicate keep) {
        return IntStream.range(0, unitVectors.size()).filter(keep).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> VectorUtil.dotProduct(unitVectors.get(i), target)).reversed())
                .limit(K).toList();
    }
}
