package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The read path of one open collection: point reads, kNN and BM25 search, scrolling and stats, each
 * on one searcher acquired from the collection's NRT {@link SearcherManager} (so one call sees one
 * consistent state, whatever is written meanwhile). Text queries are tokenised with the same
 * {@link Analyzer} that indexes the text.
 *
 * <p>kNN ({@link VectorKnnQuery}) searches the graph with a beam of {@code ef} (at least the limit). On
 * a quantized collection the beam is at least {@code oversample} times the limit, and every candidate
 * it returns is rescored with the full-precision vectors, so {@code ef} costs about the same graph work
 * in every quantization and rescoring only a few float reads per candidate. A filtered search scores
 * a selective filter's vectors exactly instead of walking the graph ({@link FilteredKnnQuery}). A hit
 * whose score is not a finite number (a vector stored before the domain refused such lengths) is left
 * out: it cannot be ranked.
 */
final class IndexReads {

    private static final Set<String> PAYLOAD_ONLY = Set.of(VectorDocuments.PAYLOAD);
    private static final Set<String> VECTOR_ONLY = Set.of(VectorDocuments.VALUES, VectorDocuments.ORIGINAL);
    private static final Set<String> PAYLOAD_AND_VECTOR = Set.of(VectorDocuments.PAYLOAD, VectorDocuments.VALUES, VectorDocuments.ORIGINAL);

    private final CollectionRef ref;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final VectorSpace space;
    private final int oversample;
    private final Path translogDirectory;
    private final LongSupplier storedBytes;

    IndexReads(CollectionRef ref, SearcherManager searchers, Analyzer analyzer, VectorSpace space, int oversample, Path translogDirectory,
            LongSupplier storedBytes) {
        this.ref = ref;
        this.searchers = searchers;
        this.analyzer = analyzer;
        this.space = space;
        this.oversample = oversample;
        this.translogDirectory = translogDirectory;
        this.storedBytes = storedBytes;
    }

    private interface Read<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read of collection " + ref + " failed", e);
        }
    }

    Optional<Vector> get(VectorId id) {
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(VectorDocuments.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            return Optional.of(VectorDocuments.fromDocument(searcher.storedFields().document(doc), IndexedVectors.of(searcher, doc)));
        });
    }

    List<ScoredPoint> search(VectorQuery query) {
        return read(searcher -> {
            Query filter = query.filter().map(FilterQueries::toQuery).orElse(null);
            float[] target = space.indexed(query.vector());
            int k = Math.max(query.ef(), query.limit() * oversample);
            boolean rescore = oversample > 1;
            Query knn = filter == null ? new VectorKnnQuery(VectorDocuments.VECTOR, target, k, null, rescore)
                    : new FilteredKnnQuery(VectorDocuments.VECTOR, target, k, filter, rescore);
            TopDocs top = searcher.search(knn, query.limit());
            return hits(searcher, top, query.withPayload(), query.withVector(), true);
        });
    }

    List<ScoredPoint> searchText(TextQuery query) {
        return read(searcher -> {
            Optional<Query> terms = anyTermOf(query.text());
            if (terms.isEmpty()) {
                return List.<ScoredPoint>of();
            }
            BooleanQuery.Builder full = new BooleanQuery.Builder().add(terms.get(), Occur.MUST);
            query.filter().ifPresent(f -> full.add(FilterQueries.toQuery(f), Occur.FILTER));
            TopDocs top = searcher.search(full.build(), query.limit());
            return hits(searcher, top, query.withPayload(), query.withVector(), false);
        });
    }

    /** A disjunction of the text's distinct tokens (no query syntax), or empty if it has none. */
    private Optional<Query> anyTermOf(String text) throws IOException {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int count = 0;
        try (TokenStream tokens = analyzer.tokenStream(VectorDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            Set<String> seen = new LinkedHashSet<>();
            while (tokens.incrementToken()) {
                if (seen.add(term.toString()) && count < IndexSearcher.getMaxClauseCount() - 1) {
                    terms.add(new TermQuery(new Term(VectorDocuments.TEXT, term.toString())), Occur.SHOULD);
                    count++;
                }
            }
            tokens.end();
        }
        return count == 0 ? Optional.empty() : Optional.of(terms.build());
    }

    /**
     * The hits as points: ids from doc values ({@link IdValues}), so a search that wants no payload and
     * no vector reads no stored field at all.
     */
    private List<ScoredPoint> hits(IndexSearcher searcher, TopDocs top, boolean withPayload, boolean withVector, boolean vectorScores)
            throws IOException {
        StoredFields stored = withPayload || withVector ? searcher.storedFields() : null;
        Set<String> fields = withPayload && withVector ? PAYLOAD_AND_VECTOR : withPayload ? PAYLOAD_ONLY : VECTOR_ONLY;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        VectorId[] ids = IdValues.of(leaves, top.scoreDocs);
        List<ScoredPoint> points = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < ids.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            float score = vectorScores ? space.natural(hit.score) : hit.score;
            if (!Float.isFinite(score)) {
                continue;
            }
            Document doc = stored == null ? null : stored.document(hit.doc, fields);
            points.add(new ScoredPoint(ids[i], score,
                    withPayload ? Optional.of(VectorDocuments.payload(doc)) : Optional.empty(),
                    withVector ? Optional.of(VectorDocuments.values(doc, IndexedVectors.of(searcher, hit.doc))) : Optional.empty()));
        }
        return points;
    }

    ScrollPage scroll(ScrollRequest request) {
        return read(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            query.add(request.filter().map(FilterQueries::toQuery).orElse(MatchAllDocsQuery.INSTANCE), Occur.FILTER);
            request.after().ifPresent(after -> query.add(
                    TermRangeQuery.newStringRange(VectorDocuments.ID, after.value(), null, false, false), Occur.FILTER));
            Sort byId = new Sort(new SortField(VectorDocuments.ID, SortField.Type.STRING));
            TopDocs top = searcher.search(query.build(), request.limit() + 1, byId);
            StoredFields stored = searcher.storedFields();
            List<Vector> vectors = new ArrayList<>();
            int n = Math.min(request.limit(), top.scoreDocs.length);
            for (int i = 0; i < n; i++) {
                int doc = top.scoreDocs[i].doc;
                vectors.add(VectorDocuments.fromDocument(stored.document(doc), IndexedVectors.of(searcher, doc)));
            }
            Optional<VectorId> next = top.scoreDocs.length > request.limit() ? Optional.of(vectors.getLast().id()) : Optional.empty();
            return new ScrollPage(vectors, next);
        });
    }

    /** The collection's stats as the current searcher sees them ({@link #stats(IndexReader, Path, long)}). */
    CollectionStats stats() {
        return read(searcher -> stats(searcher.getIndexReader(), translogDirectory, storedBytes.getAsLong()));
    }

    /**
     * The live vector count {@code reader} sees, the bytes on disk (its segments, as Lucene accounts them,
     * plus the translog in {@code translogDirectory}) and {@code storedBytes}, the stored bytes of the vectors.
     */
    static CollectionStats stats(IndexReader reader, Path translogDirectory, long storedBytes) throws IOException {
        return new CollectionStats(reader.numDocs(), segmentBytes(reader) + Translog.sizeOf(translogDirectory), storedBytes);
    }

    /** The bytes of the segments {@code reader} sees, as Lucene accounts them. */
    static long segmentBytes(IndexReader reader) throws IOException {
        long bytes = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            if (FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment) {
                bytes += segment.getSegmentInfo().sizeInBytes();
            }
        }
        return bytes;
    }
}
