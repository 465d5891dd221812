/**
 * The vector index port ({@code VectorIndexPort}) on Apache Lucene 10.6.
 *
 * <p>{@link dev.vectorizer.adapter.storage.index.LuceneVectorIndex} is the CDI bean; it keeps the open
 * collections in {@link dev.vectorizer.adapter.storage.index.OpenIndexes} (lazy, LRU-bounded, idle
 * close) and runs background commits. Each open collection is a
 * {@link dev.vectorizer.adapter.storage.index.CollectionIndex}: an {@code IndexWriter} with an NRT
 * {@code SearcherManager} over an {@code MMapDirectory}, and a
 * {@link dev.vectorizer.adapter.storage.index.Translog} (write-ahead log, one CRC-checked record per
 * write call, fsynced before the write is applied) whose records are
 * {@link dev.vectorizer.adapter.storage.index.TranslogOperation}s, applied in log order by the
 * {@link dev.vectorizer.adapter.storage.index.WriteSequencer}.
 *
 * <p>Mapping: {@link dev.vectorizer.adapter.storage.index.VectorDocuments} (vector to document),
 * {@link dev.vectorizer.domain.json.PayloadJson} (stored payload, the domain's one JSON form),
 * {@link dev.vectorizer.adapter.storage.index.PayloadFields} (payload filter fields),
 * {@link dev.vectorizer.adapter.storage.index.FilterQueries} (filters to queries),
 * {@link dev.vectorizer.adapter.storage.index.VectorCodecs} (HNSW format per quantization),
 * {@link dev.vectorizer.adapter.storage.index.MetricScores} (similarities and score units) and
 * {@link dev.vectorizer.adapter.storage.index.CollectionPaths} (on-disk layout).
 */
package dev.vectorizer.adapter.storage.index;
