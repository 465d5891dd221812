package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;

/**
 * Who stands behind a tenant's caller: the credential it proved itself with. The audit log names
 * the caller by it ({@link AuditEvent#actor}). New kinds of credential (HiveHub's keys and service
 * calls) become new cases here, and the compiler finds every place that must name them.
 */
public sealed interface Principal {

    /** The holder of one of the tenant's API keys. */
    record KeyHolder(ApiKeyId key) implements Principal {
        public KeyHolder {
            InvalidValueException.require(key != null, "api key id is required");
        }
    }

    /** The subject ({@code sub}, or {@code upn}) of a verified JWT. */
    record TokenSubject(String subject) implements Principal {
        public TokenSubject {
            InvalidValueException.require(subject != null && !subject.isBlank(), "a token subject is required");
        }
    }

    /** Single mode's implicit user: whoever reaches the server (loopback only unless allowed otherwise). */
    record SingleModeUser() implements Principal {
    }
}
