package dev.vectorizer.application.service;

import dev.vectorizer.domain.InvalidValueException;

/** The size rule of every batch a use case takes: at least one item, at most the use case's bound. */
final class Batches {

    private Batches() {
    }

    static void require(int size, int max, String what) {
        InvalidValueException.require(size >= 1, "no " + what + " given");
        InvalidValueException.require(size <= max, "at most " + max + " " + what + " per request, got " + size);
    }
}
