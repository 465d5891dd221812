package dev.vectorizer.domain.tenant;

/** Lifecycle of a tenant: only an ACTIVE tenant's credentials work. */
public enum TenantStatus { ACTIVE, SUSPENDED, DELETING }
