package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.lucene104.Lucene104ScalarQuantizedVectorsReader;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsReader;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TimeLimitingKnnCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OrdinalTranslatedKnnCollector;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * A collection's kNN query: Lucene's {@link KnnFloatVectorQuery}, except that
 *
 * <ul>
 *   <li>a segment whose vectors are int8 or int4 ({@link QuantizedScorer#scores}) is searched with
 *       {@link QuantizedScorer}: the same graph walk with the same scores, faster (docs/PERFORMANCE.md).
 *       What to walk is decided as Lucene 10.6's {@code Lucene99HnswVectorsReader} does: the graph
 *       unless the walk would visit at least as many vectors as the segment accepts, then every
 *       accepted vector;</li>
 *   <li>with {@code rescore} (a quantized collection), each segment's candidates are scored again with
 *       its full-precision vectors before the segments' hits are merged, so the query answers with
 *       exact scores in one pass (Lucene's {@code RescoreTopNQuery} would run a second search).</li>
 * </ul>
 */
class VectorKnnQuery extends KnnFloatVectorQuery {

    /** The JDK's vector API is there (the server's flags add it) and wide enough: else Lucene's scorer. */
    private static final boolean QUANTIZED_SCORER = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && QuantizedScorer.AVAILABLE;
    private static final TopDocs NOTHING = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

    private final boolean rescore;

    /**
     * A search of {@code field} for the {@code k} nearest to {@code target}, among the documents
     * {@code filter} matches if not null; {@code rescore}: with full-precision scores.
     */
    VectorKnnQuery(String field, float[] target, int k, Query filter, boolean rescore) {
        super(field, target, k, filter);
        this.rescore = rescore;
    }

    @Override
    protected TopDocs searchLeaf(LeafReaderContext context, Weight filterWeight, TimeLimitingKnnCollectorManager manager)
            throws IOException {
        TopDocs top = super.searchLeaf(context, filterWeight, manager);
        return rescore && top.scoreDocs.length > 0 ? rescored(context, top) : top;
    }

    /** One segment's hits (ids of the whole index) scored with the segment's full-precision vectors, best first. */
    private TopDocs rescored(LeafReaderContext context, TopDocs top) throws IOException {
        VectorScorer scorer = context.reader().getFloatVectorValues(field).rescorer(getTargetCopy());
        DocIdSetIterator vectors = scorer.iterator();
        ScoreDoc[] hits = top.scoreDocs.clone();
        Arrays.sort(hits, Comparator.comparingInt(hit -> hit.doc));
        for (ScoreDoc hit : hits) {
            vectors.advance(hit.doc - context.docBase);
            hit.score = scorer.score();
        }
        Arrays.sort(hits, Comparator.comparingDouble((ScoreDoc hit) -> hit.score).reversed().thenComparingInt(hit -> hit.doc));
        return new TopDocs(top.totalHits, hits);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && ((VectorKnnQuery) other).rescore == rescore;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(rescore);
    }

    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit, KnnCollectorManager manager)
            throws IOException {
        QuantizedSegment quantized = QUANTIZED_SCORER ? QuantizedSegment.of(context.reader(), field) : null;
        if (quantized == null) {
            return super.approximateSearch(context, acceptDocs, visitedLimit, manager);
        }
        KnnCollector collector = manager.newCollector(visitedLimit, searchStrategy, context);
        if (collector == null || collector.k() == 0) {
            return NOTHING;
        }
        quantized.search(getTargetCopy(), collector, acceptDocs);
        TopDocs top = collector.topDocs();
        return top == null ? NOTHING : top;
    }

    /** One segment's int8 or int4 vectors, their bytes, and its graph. */
    record QuantizedSegment(QuantizedByteVectorValues values, RandomAccessInput vectors, HnswGraph graph, FieldInfo info) {

        /** The segment's int8 or int4 vectors of {@code field}, or null if it has none. */
        static QuantizedSegment of(LeafReader reader, String field) throws IOException {
            FieldInfo info = reader.getFieldInfos().fieldInfo(field);
            if (info == null || !(reader instanceof CodecReader codec)) {
                return null;
            }
            KnnVectorsReader vectorsReader = codec.getVectorReader();
            if (vectorsReader instanceof PerFieldKnnVectorsFormat.FieldsReader perField) {
                vectorsReader = perField.getFieldReader(field);
            }
            if (!(vectorsReader instanceof Lucene99HnswVectorsReader hnsw)
                    || !(hnsw.getFlatVectorsReader() instanceof Lucene104ScalarQuantizedVectorsReader quantized)
                    || !(quantized.getQuantizedVectorValues(field) instanceof QuantizedByteVectorValues values)
                    || !QuantizedScorer.scores(values.getScalarEncoding()) || values.size() == 0) {
                return null;
            }
            IndexInput slice = values.getSlice();
            RandomAccessInput vectors = slice instanceof RandomAccessInput positional ? positional : slice.randomAccessSlice(0, slice.length());
            return new QuantizedSegment(values, vectors, hnsw.getGraph(field), info);
        }

        QuantizedScorer scorer(float[] target) throws IOException {
            return new QuantizedScorer(values, vectors, info.getVectorSimilarityFunction(), target);
        }

        void search(float[] target, KnnCollector collector, AcceptDocs acceptDocs) throws IOException {
            RandomVectorScorer scorer = scorer(target);
            KnnCollector ords = new OrdinalTranslatedKnnCollector(collector, scorer::ordToDoc);
            int accepted = Math.min(acceptDocs.cost(), graph.size());
            Bits acceptOrds = scorer.getAcceptOrds(acceptDocs.bits());
            if (collector.k() < scorer.maxOrd() && graph.size() > 0
                    && HnswGraphSearcher.expectedVisitedNodes(collector.k(), graph.size()) < accepted) {
                HnswGraphSearcher.search(scorer, ords, graph, acceptOrds, accepted);
                return;
            }
            for (int ord = 0; ord < scorer.maxOrd() && !collector.earlyTerminated(); ord++) {
                if (acceptOrds == null || acceptOrds.get(ord)) {
                    ords.incVisitedCount(1);
                    ords.collect(ord, scorer.score(ord));
                }
            }
        }
    }
}
