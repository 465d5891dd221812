package dev.vectorizer.domain.tenant;

/** Lifecycle of an API key. ACTIVE and ROTATING keys work; DEPRECATED ones until their grace ends. */
public enum ApiKeyStatus { ACTIVE, ROTATING, DEPRECATED, REVOKED, EXPIRED }
