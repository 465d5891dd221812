package dev.vectorizer.adapter.hub;

import java.util.Optional;
import java.util.OptionalLong;

/** HiveHub's ruling on a {@link QuotaCheck}: {@code {"allowed","remaining","limit","reason"}}. */
public record QuotaDecision(boolean allowed, OptionalLong remaining, OptionalLong limit, Optional<String> reason) {
}
