package dev.vectorizer.bench.harness;

import java.io.IOException;
import java.net.URI;

/**
 * The server a harness works against, as a process it may kill: the uber-jar started by a bench
 * main ({@link UberJarProcess}) or by an end-to-end test. The port stays the same across restarts.
 */
public interface ServerControl {

    /** Where it listens, on a loopback address. */
    URI base();

    /** Starts the server on its data directory and waits until it is ready. */
    void start() throws IOException, InterruptedException;

    /** Kills the server with SIGKILL (no shutdown hook, nothing flushed that was not already) and waits for it to die. */
    void kill() throws InterruptedException;

    /** The installation administrator's key the first start wrote ({@code admin.key} in the data directory). */
    String adminKey() throws IOException;

    /** The server's log of all its starts so far. */
    String log() throws IOException;
}
