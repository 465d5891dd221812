package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.tenant.Caller;
import java.util.Optional;

/** HiveHub asks whether a key works here, and for whom ({@code POST /api/hub/validate-key}). */
public interface ValidateHubKeyQuery {

    /**
     * The key as it works here: HiveHub vouches for it, it has not expired, and its tenant is
     * neither reserved, suspended nor being deleted here. Empty for any other key (a malformed one
     * is not sent to HiveHub). Throws {@link dev.vectorizer.domain.hub.HubUnavailableException}
     * when HiveHub cannot answer and no cached verdict stands in.
     */
    Optional<HubKey> validateKey(Caller.HiveHub hub, String presentedKey);
}
