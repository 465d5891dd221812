package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Range;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search hits, scroll pages and deletions by filter name the right vectors whether a document carries
 * its id in the binary doc values a hit reads now or only in the sorted ones earlier versions wrote:
 * in segments of either kind and in a segment a merge made of both.
 */
class HitIdsTest {

    private static final int DIMENSION = 8;

    @TempDir
    Path dir;

    private LuceneVectorIndex index;

    private void open() {
        index = new LuceneVectorIndex(new DataDirectory(dir), 8, Duration.ofMillis(50), Duration.ZERO);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** An id outside ASCII (two- and four-byte UTF-8 sequences): ids are read back from their UTF-8 bytes. */
    private static String id(Object prefix, Object n) {
        return String.format("%s-%03d-ü\uD83D\uDE00", prefix, n);
    }

    private static List<Vector> vectors(String prefix, int count, Random random) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vectors.add(new Vector(new VectorId(id(prefix, i)), Fixtures.random(random, DIMENSION),
                    new Payload(Map.of("kind", prefix, "n", (long) i)), Optional.of(prefix + " " + i)));
        }
        return vectors;
    }

    /** Writes {@code batches} as the previous version did (no {@value VectorDocuments#ID_BYTES}), one segment per batch. */
    private void writeAsBefore(Collection c, List<List<Vector>> batches) throws IOException {
        VectorSpace space = VectorSpace.of(c.spec().metric());
        try (Directory directory = new MMapDirectory(IndexTestSeam.paths(dir, c).index());
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig(new StandardAnalyzer()).setCodec(VectorCodecs.codec(c.spec())))) {
            for (List<Vector> batch : batches) {
                for (Vector v : batch) {
                    Document doc = VectorDocuments.toDocument(v, space);
                    doc.removeFields(VectorDocuments.ID_BYTES);
                    writer.addDocument(doc);
                }
                writer.flush();
            }
            writer.setLiveCommitData(CommitData.of(1, space).entrySet());
            writer.commit();
        }
    }

    /** The ids of the committed documents that carry their id in {@value VectorDocuments#ID_BYTES}, checked against the stored id. */
    private List<String> idsInBinaryDocValues(Collection c) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Directory directory = new MMapDirectory(IndexTestSeam.paths(dir, c).index());
                DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                BinaryDocValues values = leaf.reader().getBinaryDocValues(VectorDocuments.ID_BYTES);
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = values.nextDoc()) {
                    String id = values.binaryValue().utf8ToString();
                    assertThat(VectorDocuments.id(stored.document(doc)).value()).isEqualTo(id);
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private void assertEveryVectorIsFoundUnderItsId(Collection c, List<Vector> all) {
        for (Vector v : all) {
            for (boolean withPayload : new boolean[] {false, true}) {
                List<ScoredPoint> hits = index.search(c, new VectorQuery(v.values(), 3, 64, Optional.empty(), withPayload, false));
                assertThat(hits.getFirst().id()).as("nearest to %s", v.id()).isEqualTo(v.id());
                if (withPayload) {
                    assertThat(hits).allSatisfy(h -> assertThat(h.id().value()).isEqualTo(id(
                            h.payload().orElseThrow().get("kind").orElseThrow(), h.payload().orElseThrow().get("n").orElseThrow())));
                }
            }
        }
        // several hits of several segments in one answer, in score order
        List<ScoredPoint> text = index.searchText(c, new TextQuery("old new 7", 50, Optional.empty(), true, false));
        assertThat(text).hasSize(50).allSatisfy(h -> assertThat(h.id().value()).isEqualTo(id(
                h.payload().orElseThrow().get("kind").orElseThrow(), h.payload().orElseThrow().get("n").orElseThrow())));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 7))).isEqualTo(all.stream().map(v -> v.id().value()).sorted().toList());
    }

    @Test
    void idsAreRightInOldSegmentsNewSegmentsAndTheMergeOfBoth() throws Exception {
        Collection c = collection("t1", "ids", DIMENSION, Metric.COSINE, Quantization.NONE);
        Random random = new Random(11);
        List<Vector> old = vectors("old", 60, random);
        writeAsBefore(c, List.of(old.subList(0, 30), old.subList(30, 60)));
        open();
        List<Vector> fresh = vectors("new", 60, random);
        index.upsert(c, fresh.subList(0, 30));
        List<Vector> all = Stream.concat(old.stream(), fresh.subList(0, 30).stream()).toList();
        assertEveryVectorIsFoundUnderItsId(c, all);

        index.upsert(c, fresh.subList(30, 60));
        assertThat(IndexTestSeam.segmentsOnceMerged(index, c)).isEqualTo(1);
        all = Stream.concat(old.stream(), fresh.stream()).toList();
        assertEveryVectorIsFoundUnderItsId(c, all);
        // the merged segment holds both kinds of documents: only those written now carry the binary id
        index.close();
        assertThat(idsInBinaryDocValues(c)).containsExactlyInAnyOrderElementsOf(fresh.stream().map(v -> v.id().value()).toList());
        open();

        // a deletion by filter names the deleted ids in the translog: a crash before the commit replays it
        Filter firstThree = new Filter(List.of(new Range("n", null, null, 3.0, null)), null, null);
        assertThat(index.deleteMatching(c, firstThree).vectors()).isEqualTo(-6);
        IndexTestSeam.crash(index);
        open();
        List<String> deleted = List.of(id("old", 0), id("old", 1), id("old", 2), id("new", 0), id("new", 1), id("new", 2));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 50))).hasSize(114).doesNotContainAnyElementsOf(deleted);
        for (String id : deleted) {
            assertThat(index.get(c, new VectorId(id))).isEmpty();
        }
    }
}
