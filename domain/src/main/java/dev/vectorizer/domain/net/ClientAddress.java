package dev.vectorizer.domain.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Where a request comes from: the TCP peer, unless the peer is a trusted proxy, in which case
 * {@code X-Forwarded-For} says. Its entries are read from the right (the one the nearest proxy
 * added) and every trusted proxy is skipped: the first untrusted address is the client. A header
 * from an untrusted peer is ignored, so a client cannot pick the address it is counted and checked
 * as; an entry that is not an address stops the walk at the last trusted hop.
 *
 * @param text the address as text (normalised if it is an IP address), for counting and audit
 * @param ip the address, if the peer gave one (it always does over TCP)
 */
public record ClientAddress(String text, Optional<InetAddress> ip) {

    /** The client behind {@code peer}, given the {@code X-Forwarded-For} value it sent and the proxies trusted to set it. */
    public static ClientAddress resolve(String peer, Optional<String> forwardedFor, List<IpRange> trustedProxies) {
        Optional<InetAddress> peerIp = IpAddress.parse(peer);
        if (peerIp.isEmpty()) {
            return new ClientAddress(peer == null ? "" : peer, Optional.empty());
        }
        InetAddress client = peerIp.get();
        if (forwardedFor.isPresent()) {
            String[] hops = forwardedFor.get().split(",");
            for (int i = hops.length - 1; i >= 0 && isTrusted(client, trustedProxies); i--) {
                Optional<InetAddress> hop = IpAddress.parse(hops[i]);
                if (hop.isEmpty()) {
                    break;
                }
                client = hop.get();
            }
        }
        return new ClientAddress(IpAddress.format(client), Optional.of(client));
    }

    /** The TCP peer itself, for callers that trust no proxy. */
    public static ClientAddress of(String peer) {
        return resolve(peer, Optional.empty(), List.of());
    }

    private static boolean isTrusted(InetAddress address, List<IpRange> trustedProxies) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
