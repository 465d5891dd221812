package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * Rewrites a quantized cosine index written before unit-vector cosine ({@link VectorSpace#legacy}):
 * its vector field uses Lucene's {@code COSINE}, whose quantized formats fail to flush or merge
 * vectors that cancel out, so such an index (and the translog replayed into it) may never commit
 * again. Its committed documents are re-indexed, from their stored fields, into a fresh index in the
 * current {@link VectorSpace}, with the same commit user data (so the translog replays on top as
 * usual), and swapped in.
 *
 * <p>Crash-safe by directory renames: the new index is built and committed in {@code index.upgrade/};
 * then {@code index/} becomes {@code index.legacy/}, {@code index.upgrade/} becomes {@code index/} and
 * {@code index.legacy/} is deleted. {@link #finishInterrupted} completes or discards whatever a crash
 * left half done, before the index is opened.
 */
final class CosineIndexUpgrade {

    private static final Logger LOG = Logger.getLogger(CosineIndexUpgrade.class.getName());

    private CosineIndexUpgrade() {
    }

    /** Completes a swap a crash interrupted, or discards an upgrade that had not reached the swap. */
    static void finishInterrupted(CollectionPaths paths) throws IOException {
        if (!paths.split()) {
            return; // legacy indexes all predate the flat layout
        }
        if (Files.isDirectory(paths.indexUpgrade())) {
            if (Files.isDirectory(paths.index())) {
                IOUtils.rm(paths.indexUpgrade()); // not swapped in yet: the index is still the legacy one
            } else {
                Files.move(paths.indexUpgrade(), paths.index(), StandardCopyOption.ATOMIC_MOVE);
                IOUtils.fsync(paths.root(), true);
            }
        }
        if (Files.isDirectory(paths.indexBeforeUpgrade()) && Files.isDirectory(paths.index())) {
            IOUtils.rm(paths.indexBeforeUpgrade());
        }
    }

    /** True if an upgrade of the collection's index was interrupted and not yet finished ({@link #finishInterrupted}). */
    static boolean unfinished(CollectionPaths paths) {
        return paths.split() && (Files.isDirectory(paths.indexUpgrade()) || Files.isDirectory(paths.indexBeforeUpgrade()));
    }

    /** Upgrades the collection's index if it is a legacy quantized cosine one. */
    static void upgradeIfNeeded(CollectionSpec spec, CollectionPaths paths, Analyzer analyzer) throws IOException {
        if (spec.metric() != Metric.COSINE || spec.quantization() == Quantization.NONE || !paths.split() || !Files.isDirectory(paths.index())) {
            return;
        }
        try (Directory legacy = new MMapDirectory(paths.index())) {
            if (!DirectoryReader.indexExists(legacy)
                    || SegmentInfos.readLatestCommit(legacy).getUserData().containsKey(CommitData.SIMILARITY_KEY)) {
                return;
            }
            LOG.info(() -> "upgrading the quantized cosine index in " + paths.index() + " to unit vectors");
            rebuild(legacy, spec, paths, analyzer);
        }
        Files.move(paths.index(), paths.indexBeforeUpgrade(), StandardCopyOption.ATOMIC_MOVE);
        Files.move(paths.indexUpgrade(), paths.index(), StandardCopyOption.ATOMIC_MOVE);
        IOUtils.fsync(paths.root(), true);
        IOUtils.rm(paths.indexBeforeUpgrade());
    }

    private static void rebuild(Directory legacy, CollectionSpec spec, CollectionPaths paths, Analyzer analyzer) throws IOException {
        IOUtils.rm(paths.indexUpgrade());
        VectorSpace space = VectorSpace.of(spec.metric());
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setCodec(VectorCodecs.codec(spec))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(false);
        try (DirectoryReader reader = DirectoryReader.open(legacy);
                Directory upgraded = new MMapDirectory(paths.indexUpgrade());
                IndexWriter writer = new IndexWriter(upgraded, config)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        writer.addDocument(VectorDocuments.toDocument(
                                VectorDocuments.fromDocument(stored.document(doc), IndexedVectors.of(leaf.reader(), doc)), space));
                    }
                }
            }
            Map<String, String> data = new HashMap<>(reader.getIndexCommit().getUserData());
            data.put(CommitData.SIMILARITY_KEY, space.similarity().name());
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }
}
