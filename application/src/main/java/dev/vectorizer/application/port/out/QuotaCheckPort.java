package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;

/**
 * The control plane's approval of a write, asked before the installation's own quota check (both
 * must allow it). The local installation approves everything (its limits are the ones the
 * application enforces); HiveHub decides for its tenants in hub mode.
 */
public interface QuotaCheckPort {

    /** Throws {@link dev.vectorizer.domain.UnavailableException} when the control plane cannot decide now. */
    QuotaDecision check(QuotaCheck check);
}
