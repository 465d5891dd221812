package dev.vectorizer.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress on stderr; stdout carries only results. */
final class Log {

    private Log() {
    }

    static void info(String message) {
        System.err.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
