package dev.vectorizer.adapter.storage.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.lucene.util.IOUtils;

/**
 * The write-ahead log of one collection, in the style of Elasticsearch's translog: numbered generation
 * files {@code translog-<generation>.tlog} in the collection's {@code translog/} directory.
 *
 * <p>Each write call appends one record: a 4-byte length, the 4-byte CRC32 of the body, and the body
 * (an encoded {@link TranslogOperation}). {@link #append} only writes to the OS; {@link #sync} fsyncs
 * ({@link FileChannel#force}) up to a position and groups callers: a caller whose record has already
 * been covered by another caller's fsync returns without syncing again. Positions are logical and grow
 * across generations, so "synced up to" is one number.
 *
 * <p>After a Lucene commit (which records the generation that follows it), the owner {@link #roll}s to
 * a new generation (fsyncing the old one) and {@link #deleteBelow deletes} the generations the commit
 * covers. {@link #recover} replays, on open, every complete record of the generations not covered by
 * the last commit; the first incomplete or corrupt record (a crash in the middle of a write, which was
 * therefore never acknowledged) and everything after it is truncated away, so a batch is all or nothing.
 *
 * <p>Thread-safe: appends are serialised on this object, syncs on a separate lock so that appends
 * continue while an fsync runs.
 */
final class Translog implements Closeable {

    private static final Pattern FILE = Pattern.compile("translog-(\\d+)\\.tlog");
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 1 << 30;

    private final Path dir;
    private final Object syncLock = new Object();
    private long generation;
    private FileChannel channel;
    private long generationStart;
    private long written;
    private long synced;
    private boolean failed;
    private boolean closing;

    private Translog(Path dir, long generation, FileChannel channel) {
        this.dir = dir;
        this.generation = generation;
        this.channel = channel;
    }

    /** Starts writing a new, empty generation {@code generation} in {@code dir}. */
    static Translog create(Path dir, long generation) throws IOException {
        Files.createDirectories(dir);
        return new Translog(dir, generation, createGeneration(dir, generation));
    }

    /**
     * Goes on writing the existing, empty generation {@code generation} in {@code dir} (one {@link #recover}
     * found nothing in): unlike {@link #create}, this writes nothing to disk.
     */
    static Translog resume(Path dir, long generation) throws IOException {
        FileChannel channel = FileChannel.open(file(dir, generation), StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (channel.size() != 0) {
            IOException notEmpty = new IOException("translog " + file(dir, generation) + " is not empty; it must be recovered first");
            IOUtils.closeWhileSuppressingExceptions(notEmpty, channel);
            throw notEmpty;
        }
        return new Translog(dir, generation, channel);
    }

    /**
     * Replays, oldest first, every complete record in the generations {@code >= fromGeneration},
     * truncating a torn or corrupt tail of the newest generation. A bad record in an older generation
     * is real corruption (those were fsynced whole before the next was created) and fails the recovery
     * rather than silently dropping acknowledged writes. Returns the highest generation on disk (0 if none).
     */
    static long recover(Path dir, long fromGeneration, Consumer<TranslogOperation> replay) throws IOException {
        Files.createDirectories(dir);
        List<Long> generations = generations(dir);
        long highest = generations.isEmpty() ? 0 : generations.getLast();
        for (long gen : generations) {
            if (gen < fromGeneration) {
                continue;
            }
            Path file = file(dir, gen);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = ch.size();
                long pos = 0;
                while (pos < size) {
                    byte[] body = readRecord(ch, pos, size);
                    TranslogOperation op = null;
                    if (body != null) {
                        try {
                            op = TranslogOperation.decode(body);
                        } catch (IOException | RuntimeException undecodable) {
                            op = null;
                        }
                    }
                    if (op == null) {
                        if (gen != generations.getLast()) {
                            // only the newest generation can end in an unacknowledged torn write: a roll
                            // fsyncs the old generation before creating the next one
                            throw new IOException("translog " + file + " is corrupt at offset " + pos
                                    + " although later generations exist; refusing to drop acknowledged writes");
                        }
                        ch.truncate(pos);
                        ch.force(true);
                        break;
                    }
                    replay.accept(op);
                    pos += HEADER + body.length;
                }
            }
        }
        return highest;
    }

    private static byte[] readRecord(FileChannel ch, long pos, long size) throws IOException {
        if (size - pos < HEADER) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(ch, header, pos);
        int length = header.getInt(0);
        int crc = header.getInt(4);
        if (length < 0 || length > MAX_RECORD || length > size - pos - HEADER) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(ch, body, pos + HEADER);
        CRC32 check = new CRC32();
        check.update(body.array());
        return (int) check.getValue() == crc ? body.array() : null;
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long pos) throws IOException {
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, pos + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of translog");
            }
        }
    }

    /**
     * Appends one record and returns the position up to which {@link #sync} must be called for it to be
     * durable. If the write fails the file is cut back to where it was, so that no garbage sits between
     * acknowledged records; if even that fails, the translog refuses further writes.
     */
    synchronized long append(byte[] body) throws IOException {
        reopenIfClosed();
        if (failed) {
            throw new IOException("translog in " + dir + " failed earlier; the collection must be reopened");
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer record = ByteBuffer.allocate(HEADER + body.length);
        record.putInt(body.length).putInt((int) crc.getValue()).put(body).flip();
        long offset = written - generationStart;
        try {
            while (record.hasRemaining()) {
                channel.write(record, offset + record.position());
            }
        } catch (IOException e) {
            try {
                reopenIfClosed();
                channel.truncate(offset);
            } catch (IOException truncateFailed) {
                failed = true;
                e.addSuppressed(truncateFailed);
            }
            throw e;
        }
        written += record.limit();
        return written;
    }

    /** Makes everything appended up to {@code position} durable, with at most one fsync per group of callers. */
    void sync(long position) throws IOException {
        synchronized (syncLock) {
            if (synced >= position) {
                return;
            }
            long target;
            FileChannel ch;
            synchronized (this) {
                target = written;
                ch = channel;
            }
            try {
                try {
                    ch.force(false);
                } catch (ClosedChannelException interrupted) {
                    // another thread's interrupt closed the channel (NIO does that); the written bytes
                    // are in the page cache of the file, so fsync them through a fresh channel
                    synchronized (this) {
                        reopenIfClosed();
                        ch = channel;
                    }
                    ch.force(false);
                }
            } catch (IOException e) {
                synchronized (this) {
                    failed = true; // after a failed fsync the page cache state is unknown: stop accepting writes
                }
                throw e;
            }
            synced = Math.max(synced, target);
        }
    }

    /**
     * Reopens the current generation if an interrupt of a writing thread closed its channel
     * ({@link java.nio.channels.ClosedByInterruptException}); one interrupted request must not disable
     * the collection's log.
     */
    private void reopenIfClosed() throws IOException {
        if (!channel.isOpen() && !closing) {
            channel = FileChannel.open(file(dir, generation), StandardOpenOption.WRITE, StandardOpenOption.READ);
        }
    }

    /** Fsyncs the current generation and starts the next one; returns the new generation number. */
    long roll() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                reopenIfClosed();
                channel.force(false);
                synced = written;
                channel.close();
                generation++;
                generationStart = written;
                channel = createGeneration(dir, generation);
                return generation;
            }
        }
    }

    /** True if nothing was appended to the current generation. */
    synchronized boolean currentGenerationEmpty() {
        return written == generationStart;
    }

    /** Deletes the generation files below {@code generation} (covered by a Lucene commit). */
    void deleteBelow(long generation) throws IOException {
        IOUtils.deleteFilesIfExist(generations(dir).stream().filter(gen -> gen < generation).map(gen -> file(dir, gen)).toList());
    }

    /**
     * True if the newest generation in {@code dir} is {@code generation} and it is empty: a commit that
     * records {@code generation} then holds every acknowledged write, and there is nothing to replay.
     */
    static boolean nothingBeyond(Path dir, long generation) throws IOException {
        List<Long> generations = generations(dir);
        if (generations.isEmpty() || generations.getLast() != generation) {
            return false;
        }
        return Files.size(file(dir, generation)) == 0;
    }

    /** Total bytes of the translog files. */
    static long sizeOf(Path dir) {
        long total = 0;
        try {
            for (long gen : generations(dir)) {
                total += Files.size(file(dir, gen));
            }
        } catch (IOException e) {
            // a file deleted concurrently by a trim; the size is an estimate anyway
        }
        return total;
    }

    @Override
    public synchronized void close() throws IOException {
        closing = true;
        if (channel.isOpen()) {
            try {
                if (!failed && written > synced) {
                    channel.force(false);
                }
            } finally {
                channel.close();
            }
        }
    }

    static Path file(Path dir, long generation) {
        return dir.resolve("translog-" + generation + ".tlog");
    }

    static List<Long> generations(Path dir) throws IOException {
        List<Long> gens = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return gens;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "translog-*.tlog")) {
            for (Path f : files) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    gens.add(Long.parseLong(m.group(1)));
                }
            }
        }
        gens.sort(null);
        return gens;
    }

    private static FileChannel createGeneration(Path dir, long generation) throws IOException {
        FileChannel ch = FileChannel.open(file(dir, generation), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            IOUtils.fsync(dir, true); // the new file's name is durable too
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileSuppressingExceptions(e, ch);
            throw e;
        }
        return ch;
    }
}
