package dev.vectorizer.domain.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, read and written without ever asking DNS: a client address or a forwarded
 * one is only ever parsed if it has the form of a literal. An IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) reads as the IPv4 address it carries, so one rule covers both.
 */
public final class IpAddress {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^]]*)](:\\d{1,5})?");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");

    private IpAddress() {
    }

    /**
     * The address a request header or a connection names: a {@link #literal}, possibly with a port
     * as a proxy may add it ({@code [2001:db8::1]:443}, {@code 192.0.2.1:443}) or an IPv6 zone
     * ({@code fe80::1%eth0}), which are dropped. Empty for anything else, host names included.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        var bracketed = BRACKETED.matcher(literal);
        var withPort = IPV4_WITH_PORT.matcher(literal);
        if (bracketed.matches()) {
            literal = bracketed.group(1);
        } else if (withPort.matches()) {
            literal = withPort.group(1);
        }
        int zone = literal.indexOf('%');
        return literal(zone > 0 && literal.indexOf(':') >= 0 ? literal.substring(0, zone) : literal);
    }

    /** The address {@code text} spells exactly: dotted IPv4 (no leading zeros) or IPv6; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || !IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no lookup
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    /** The address as text: dotted IPv4, or IPv6 in its shortest form (RFC 5952: {@code 2001:db8::1}). */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never shortened
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }
}
