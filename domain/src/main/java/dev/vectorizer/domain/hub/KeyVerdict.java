package dev.vectorizer.domain.hub;

import dev.vectorizer.domain.InvalidValueException;

/** HiveHub's answer about one API key: valid (and for whom), or not (and why, for the audit log only). */
public sealed interface KeyVerdict {

    record Valid(HubKey key) implements KeyVerdict {
        public Valid {
            InvalidValueException.require(key != null, "a valid verdict names its key");
        }
    }

    /** @param reason HiveHub's reason ({@code revoked}, {@code expired}, ...), never shown to the caller */
    record Invalid(String reason) implements KeyVerdict {
        public Invalid {
            InvalidValueException.require(reason != null, "an invalid verdict has a reason (possibly empty)");
        }
    }
}
