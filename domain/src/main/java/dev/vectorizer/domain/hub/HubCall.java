package dev.vectorizer.domain.hub;

/** The calls this installation makes to HiveHub. */
public enum HubCall {
    VALIDATE_KEY, TENANT_QUOTA, QUOTA_CHECK, USAGE_REPORT, OPERATION_LOG
}
