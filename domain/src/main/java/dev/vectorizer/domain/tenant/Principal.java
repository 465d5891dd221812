package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Who stands behind a tenant's caller: the credential it proved itself with. The audit log names
 * the caller by it ({@link AuditEvent#actor}). A new kind of credential becomes a new case here,
 * and the compiler finds every place that must name it.
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

    /**
     * The holder of a key HiveHub issued and validated, named by HiveHub's id of the key
     * ({@code api_key_id}: 1–64 visible ASCII characters), never by the key itself.
     */
    record HubKeyHolder(String keyId) implements Principal {

        private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,64}");

        public HubKeyHolder {
            InvalidValueException.require(isValidId(keyId), "a HiveHub key id is 1-64 visible ASCII characters");
        }

        public static boolean isValidId(String keyId) {
            return keyId != null && FORMAT.matcher(keyId).matches();
        }
    }

    /** HiveHub acting for the tenant in a signed service call ({@code x-hivehub-user-id}). */
    record HubService() implements Principal {
    }

    /** Single mode's implicit user: whoever reaches the server (loopback only unless allowed otherwise). */
    record SingleModeUser() implements Principal {
    }
}
