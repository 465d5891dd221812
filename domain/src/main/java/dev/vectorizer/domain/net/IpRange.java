package dev.vectorizer.domain.net;

import dev.vectorizer.domain.InvalidValueException;
import java.net.InetAddress;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare
 * address is the block of that one address. The host bits of the network must be zero, so a typo
 * like {@code 10.1.2.3/8} is refused rather than silently widened.
 */
public record IpRange(InetAddress network, int prefixLength) {

    public IpRange {
        InvalidValueException.require(network != null, "an IP range needs its network address");
        int bits = network.getAddress().length * 8;
        InvalidValueException.require(prefixLength >= 0 && prefixLength <= bits, "a prefix length must be 0.." + bits);
        byte[] bytes = network.getAddress();
        for (int bit = prefixLength; bit < bits; bit++) {
            InvalidValueException.require((bytes[bit / 8] & (0x80 >>> (bit % 8))) == 0,
                    "'" + IpAddress.format(network) + "/" + prefixLength + "' has bits set beyond its prefix");
        }
    }

    /** Reads {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single address. */
    public static IpRange parse(String text) {
        InvalidValueException.require(text != null && text.length() <= 64, "an IP range is an address or address/prefix");
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network = IpAddress.literal(address)
                .orElseThrow(() -> new InvalidValueException("'" + text + "' is not an IPv4 or IPv6 address or CIDR range"));
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new IpRange(network, bits);
        }
        String prefix = text.substring(slash + 1);
        InvalidValueException.require(prefix.matches("\\d{1,3}"), "'" + text + "' has no valid prefix length");
        return new IpRange(network, Integer.parseInt(prefix));
    }

    /** True if {@code address} is in this block (an IPv4 block never holds an IPv6 address, nor the other way round). */
    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] candidate = address.getAddress();
        if (net.length != candidate.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((net[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return IpAddress.format(network) + "/" + prefixLength;
    }
}
