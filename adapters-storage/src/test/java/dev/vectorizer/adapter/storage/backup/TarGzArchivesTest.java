package dev.vectorizer.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.application.port.out.ArchiveCodecPort.ArchiveReader;
import dev.vectorizer.domain.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading and writing real tar.gz archives: what a damaged one looks like to the reader. */
class TarGzArchivesTest {

    private final TarGzArchives codec = new TarGzArchives();

    private byte[] archive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveCodecPort.ArchiveWriter writer = codec.writer(out);
        byte[] content = "hello, archive".repeat(100).getBytes(StandardCharsets.UTF_8);
        writer.add("manifest.json", content.length, new ByteArrayInputStream(content));
        writer.add("collections/docs/_0.cfs", content.length, new ByteArrayInputStream(content));
        writer.finish();
        return out.toByteArray();
    }

    /** Reads every entry and its content, as a restore does. */
    private List<String> readAll(byte[] archive) throws IOException {
        ArchiveReader reader = codec.reader(new ByteArrayInputStream(archive), 1 << 20);
        List<String> names = new ArrayList<>();
        for (Optional<ArchiveCodecPort.Entry> next = reader.next(); next.isPresent(); next = reader.next()) {
            names.add(next.get().path());
            next.get().content().readAllBytes();
        }
        return names;
    }

    @Test
    void aWholeArchiveReadsBack() throws IOException {
        assertThat(readAll(archive())).containsExactly("manifest.json", "collections/docs/_0.cfs");
    }

    /** The archive's tar followed by more zero blocks, as tar writes with a larger blocking factor ({@code tar -b 128}). */
    private byte[] paddedArchive() throws IOException {
        byte[] tar;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive()))) {
            tar = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(tar);
            gzip.write(new byte[64 * 1024]);
        }
        return out.toByteArray();
    }

    @Test
    void anArchiveWhoseGzipTrailerIsDamagedOrMissingIsRefused() throws IOException {
        assertThat(readAll(paddedArchive())).hasSize(2);
        for (byte[] good : List.of(archive(), paddedArchive())) {
            assertTrailerChecked(good);
        }
    }

    private void assertTrailerChecked(byte[] good) {
        byte[] badCrc = good.clone();
        badCrc[good.length - 8] ^= 1; // the CRC-32 of the uncompressed bytes
        byte[] badLength = good.clone();
        badLength[good.length - 1] ^= 1; // ISIZE, the uncompressed length
        byte[] noTrailer = Arrays.copyOf(good, good.length - 8);
        for (byte[] damaged : List.of(badCrc, badLength, noTrailer)) {
            assertThatThrownBy(() -> readAll(damaged)).isInstanceOf(InvalidValueException.class);
        }
    }
}
