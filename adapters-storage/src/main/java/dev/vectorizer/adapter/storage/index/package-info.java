/**
 * The vector index port ({@code VectorIndexPort}) on Apache Lucene 10.6.
 *
 * <p>{@link dev.vectorizer.adapter.storage.index.LuceneVectorIndex} is the CDI bean; it keeps the open
 * collections in {@link dev.vectorizer.adapter.storage.index.OpenIndexes} (lazy, LRU-bounded, idle
 * close) and runs background commits. Each open collection is a
 * {@link dev.vectorizer.adapter.storage.index.CollectionIndex} (lifecycle, replay on open, commits):
 * an {@code IndexWriter} with an NRT {@code SearcherManager} over an {@code MMapDirectory}, and a
 * {@link dev.vectorizer.adapter.storage.index.Translog} (write-ahead log, one CRC-checked record per
 * write call, fsynced before the write is applied) whose records are
 * {@link dev.vectorizer.adapter.storage.index.TranslogOperation}s. Writes go through
 * {@link dev.vectorizer.adapter.storage.index.DurableWrites} (append, group fsync, apply in log order
 * through the {@link dev.vectorizer.adapter.storage.index.WriteSequencer}, refresh, delete resolution),
 * reads through {@link dev.vectorizer.adapter.storage.index.IndexReads} (get, kNN and BM25 search,
 * scroll, stats).
 *
 * <p>Mapping: {@link dev.vectorizer.adapter.storage.index.VectorDocuments} (vector to document),
 * {@link dev.vectorizer.adapter.storage.index.PayloadJson} (stored payload),
 * {@link dev.vectorizer.adapter.storage.index.PayloadFields} (payload filter fields),
 * {@link dev.vectorizer.adapter.storage.index.FilterQueries} (filters to queries),
 * {@link dev.vectorizer.adapter.storage.index.VectorCodecs} (HNSW format per quantization),
 * {@link dev.vectorizer.adapter.storage.index.VectorSpace} (similarities, indexed values, score units) and
 * {@link dev.vectorizer.adapter.storage.index.CollectionPaths} (on-disk layout).
 */
package dev.vectorizer.adapter.storage.index;
