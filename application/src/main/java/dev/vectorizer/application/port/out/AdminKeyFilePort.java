package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.tenant.ApiKeySecret;

/** Hands the first administrator key to the operator: the one time its text exists outside memory. */
public interface AdminKeyFilePort {

    /** Writes the key where only the operator (the owner of the data directory) can read it. */
    void publish(ApiKeySecret secret);
}
