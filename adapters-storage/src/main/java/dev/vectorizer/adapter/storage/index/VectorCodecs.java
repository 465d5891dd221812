package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.Quantization;
import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The write codec of a collection: Lucene 10.6's default codec with the vector field's format chosen
 * by the collection's {@link Quantization} and HNSW settings.
 *
 * <ul>
 *   <li>{@code NONE}: {@link Lucene99HnswVectorsFormat}{@code (m, efConstruction)}, float32 graph.</li>
 *   <li>{@code INT8}: {@link Lucene104HnswScalarQuantizedVectorsFormat} with
 *       {@link ScalarEncoding#UNSIGNED_BYTE} (8 bits per dimension).</li>
 *   <li>{@code INT4}: the same format with {@link ScalarEncoding#PACKED_NIBBLE} (4 bits per dimension).</li>
 *   <li>{@code BINARY}: the same format with {@link ScalarEncoding#SINGLE_BIT_QUERY_NIBBLE}: 1 bit per
 *       dimension for documents, 4-bit queries. This is Lucene 10.6's successor of BBQ (the former
 *       {@code Lucene102HnswBinaryQuantizedVectorsFormat} is no longer in lucene-core).</li>
 * </ul>
 * Every quantized format also keeps the float32 vectors, which {@link VectorKnnQuery} uses to
 * rescore an oversampled candidate set ({@link #oversample}). Reading needs no special codec: the
 * per-field format name is recorded in each segment and resolved through Lucene's SPI.
 */
final class VectorCodecs {

    private VectorCodecs() {
    }

    static Codec codec(CollectionSpec spec) {
        KnnVectorsFormat format = format(spec);
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    static KnnVectorsFormat format(CollectionSpec spec) {
        int m = spec.hnsw().m();
        int ef = spec.hnsw().efConstruction();
        return new UpToMaxDimension(switch (spec.quantization()) {
            case NONE -> new Lucene99HnswVectorsFormat(m, ef);
            case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, m, ef);
            case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, m, ef);
            case BINARY -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE, m, ef);
        });
    }

    /**
     * A format that accepts up to {@link CollectionSpec#MAX_DIMENSION} dimensions instead of Lucene's
     * default 1024 (the limit is a default of the format, not of the HNSW files). It writes and
     * reads exactly as its delegate and carries the delegate's name, so segments it writes are read
     * back through Lucene's SPI by the plain delegate format.
     */
    private static final class UpToMaxDimension extends KnnVectorsFormat {

        private final KnnVectorsFormat delegate;

        UpToMaxDimension(KnnVectorsFormat delegate) {
            super(delegate.getName());
            this.delegate = delegate;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return delegate.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return delegate.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return CollectionSpec.MAX_DIMENSION;
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /**
     * How many times the limit the quantized graph search returns at least (its beam is the larger of
     * this and ef) before the full-precision rescoring keeps the best; 1 means no rescoring.
     */
    static int oversample(Quantization quantization) {
        return switch (quantization) {
            case NONE -> 1;
            case INT8 -> 2;
            case INT4 -> 3;
            case BINARY -> 5;
        };
    }
}
