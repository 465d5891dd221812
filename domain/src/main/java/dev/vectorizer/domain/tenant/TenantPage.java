package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of tenants in id order, and the cursor of the next page (the last id of this one) if there is one. */
public record TenantPage(List<Tenant> tenants, Optional<TenantId> next) {

    public TenantPage {
        tenants = List.copyOf(tenants);
        Objects.requireNonNull(next, "next");
    }
}
