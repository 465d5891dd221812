/**
 * The vector index port ({@code VectorIndexPort}) on Apache Lucene 10.6.
 *
 * <p>{@link dev.vectorizer.adapter.storage.index.LuceneVectorIndex} is the CDI bean; it keeps the open
 * collections in {@link dev.vectorizer.adapter.storage.index.OpenIndexes} (lazy, LRU-bounded, idle
 * close, one slot per collection incarnation) and runs background commits. Each open collection is a
 * {@link dev.vectorizer.adapter.storage.index.CollectionIndex} (lifecycle, snapshots): an NRT
 * {@code SearcherManager} over an {@code MMapDirectory} and, unless it was opened to read only, its
 * {@link dev.vectorizer.adapter.storage.index.WriterSide} (an {@code IndexWriter}, commits) and
 * {@link dev.vectorizer.adapter.storage.index.SettledMerge} (one segment once settled).
 * {@link dev.vectorizer.adapter.storage.index.IndexOpening} opens it (replay on open, reader-only open);
 * {@link dev.vectorizer.adapter.storage.index.CommitData} is what every commit records. The
 * {@link dev.vectorizer.adapter.storage.index.Translog} (write-ahead log, one CRC-checked record per
 * write call, fsynced before the write is applied) holds
 * {@link dev.vectorizer.adapter.storage.index.TranslogOperation}s. Writes go through
 * {@link dev.vectorizer.adapter.storage.index.DurableWrites} (append, group fsync, apply in log order
 * through the {@link dev.vectorizer.adapter.storage.index.WriteSequencer}, refresh, delete resolution),
 * reads through {@link dev.vectorizer.adapter.storage.index.IndexReads} (get, kNN and BM25 search,
 * scroll, stats).
 *
 * <p>On disk ({@link dev.vectorizer.adapter.storage.index.CollectionPaths}): each incarnation of a
 * collection has its own directory {@code tenants/{tenant}/{name}.{incarnation}/}, so dropping one
 * never touches another created meanwhile under the same name; collections created before stay in
 * {@code tenants/{tenant}/collections/}, as {@code {name}.{incarnation}/} or, from before incarnations,
 * {@code {name}/}. It holds the Lucene files and the translog
 * generations side by side (older and restored collections: in {@code index/} and {@code translog/}),
 * and every segment of a small collection is one compound file: a tiny collection is one directory
 * and four files.
 *
 * <p>What the codecs cannot take, and how it is kept from them: Lucene's {@code COSINE} normalises in
 * float (a tiny vector's norm underflows and scores NaN; a zero vector is refused) and its quantized
 * formats normalise each segment's centroid, which throws for vectors that cancel out in one flush or
 * merge, after which the index can never commit again. Cosine collections therefore index unit vectors
 * with {@code DOT_PRODUCT} ({@link dev.vectorizer.adapter.storage.index.VectorSpace}), and legacy
 * quantized cosine indexes are rebuilt once
 * ({@link dev.vectorizer.adapter.storage.index.CosineIndexUpgrade}). Non-finite similarities (zero
 * cosine vectors, dot products or distances beyond float range) are kept out by the domain's
 * {@code Metric.requireComparable} before a write is logged; a hit that still scores NaN or infinity
 * (data stored before that rule) is left out of the results.
 *
 * <p>Mapping: {@link dev.vectorizer.adapter.storage.index.VectorDocuments} (vector to document),
 * {@link dev.vectorizer.domain.json.PayloadJson} (stored payload, the domain's one JSON form),
 * {@link dev.vectorizer.adapter.storage.index.PayloadFields} (payload filter fields),
 * {@link dev.vectorizer.adapter.storage.index.FilterQueries} (filters to queries),
 * {@link dev.vectorizer.adapter.storage.index.VectorKnnQuery} (kNN search: Lucene's, with int8 and int4
 * segments scored by {@link dev.vectorizer.adapter.storage.index.QuantizedScorer}, Lucene's scores
 * without its per-vector reads, and quantized hits rescored in the same pass),
 * {@link dev.vectorizer.adapter.storage.index.FilteredKnnQuery} (a filtered kNN search: an exact scan
 * of a selective filter's vectors or the graph walk, chosen per segment by cost),
 * {@link dev.vectorizer.adapter.storage.index.VectorCodecs} (HNSW format per quantization) and
 * {@link dev.vectorizer.adapter.storage.index.VectorSpace} (similarities, indexed values, score units).
 */
package dev.vectorizer.adapter.storage.index;
