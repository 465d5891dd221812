package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.net.ClientAddress;
import dev.vectorizer.domain.net.IpRange;
import java.util.List;

/**
 * Which client addresses may use a tenant's credentials: an address in a {@code deny} range is
 * refused whatever else matches (deny wins); otherwise, if there are {@code allow} ranges, the
 * address must be in one of them; with neither, every address may. A client whose address is not
 * known as an IP address is refused by any list that is not empty (fail closed).
 */
public record IpAccessList(List<IpRange> allow, List<IpRange> deny) {

    /** The most ranges each list may hold. */
    public static final int MAX_RANGES = 256;

    /** No restriction. */
    public static final IpAccessList NONE = new IpAccessList(List.of(), List.of());

    public IpAccessList {
        InvalidValueException.require(allow != null && deny != null, "allow and deny lists are required (empty for none)");
        InvalidValueException.require(allow.size() <= MAX_RANGES && deny.size() <= MAX_RANGES,
                "an access list holds at most " + MAX_RANGES + " ranges in each of allow and deny");
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }

    /** True if a request from {@code client} may use the tenant's credentials. */
    public boolean permits(ClientAddress client) {
        if (isEmpty()) {
            return true;
        }
        return client.ip().filter(ip -> deny.stream().noneMatch(r -> r.contains(ip))
                && (allow.isEmpty() || allow.stream().anyMatch(r -> r.contains(ip)))).isPresent();
    }
}
