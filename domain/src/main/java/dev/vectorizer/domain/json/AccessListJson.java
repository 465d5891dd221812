package dev.vectorizer.domain.json;

import dev.vectorizer.domain.net.IpRange;
import dev.vectorizer.domain.tenant.IpAccessList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's IP access list: {@code {"allow":["10.0.0.0/8","2001:db8::/32"],"deny":["10.6.6.6"]}};
 * an absent list is empty. Written back in canonical form ({@code 2001:db8::/32},
 * {@code 10.6.6.6/32}). Also the stored form of the list.
 */
public final class AccessListJson {

    private AccessListJson() {
    }

    public static IpAccessList read(JsonFields request) {
        return new IpAccessList(ranges(request, "allow"), ranges(request, "deny"));
    }

    public static Map<String, Object> write(IpAccessList list) {
        return Json.object("allow", list.allow().stream().map(IpRange::toString).toList(),
                "deny", list.deny().stream().map(IpRange::toString).toList());
    }

    private static List<IpRange> ranges(JsonFields request, String field) {
        return request.has(field) ? request.strings(field).stream().map(IpRange::parse).toList() : List.of();
    }
}
