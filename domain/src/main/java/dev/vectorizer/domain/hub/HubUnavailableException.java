package dev.vectorizer.domain.hub;

import dev.vectorizer.domain.UnavailableException;
import java.time.Duration;

/**
 * HiveHub's answer is needed and there is none: it is down, slow, answering errors or nonsense,
 * its circuit breaker is open, and no cached decision may stand in. Fail closed: the request is
 * refused (503 {@code HUB_UNAVAILABLE}), never served on a guess.
 */
public final class HubUnavailableException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public HubUnavailableException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
