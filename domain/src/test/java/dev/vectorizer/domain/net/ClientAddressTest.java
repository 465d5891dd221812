package dev.vectorizer.domain.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.tenant.IpAccessList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client addresses behind trusted proxies, CIDR ranges of both families, and the access lists built on them. */
class ClientAddressTest {

    private static final List<IpRange> PROXIES = List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("fd00::/8"));

    private static String resolve(String peer, String forwardedFor) {
        return ClientAddress.resolve(peer, Optional.ofNullable(forwardedFor), PROXIES).text();
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        assertThat(resolve("203.0.113.9", null)).isEqualTo("203.0.113.9");
        assertThat(resolve("203.0.113.9", "198.51.100.1")).as("a client's own header is ignored").isEqualTo("203.0.113.9");
        assertThat(resolve("10.1.1.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(resolve("fd00::5", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(resolve("10.1.1.1", null)).as("a proxy without the header is the client").isEqualTo("10.1.1.1");
    }

    @Test
    void theWalkSkipsTrustedHopsFromTheRightAndStopsAtTheFirstUntrustedOrNonsense() {
        assertThat(resolve("10.1.1.1", "1.2.3.4, 198.51.100.1, 10.2.2.2")).as("a spoofed left entry is not reached").isEqualTo("198.51.100.1");
        assertThat(resolve("10.1.1.1", "10.3.3.3, 10.2.2.2")).as("all trusted: the leftmost").isEqualTo("10.3.3.3");
        assertThat(resolve("10.1.1.1", "198.51.100.1, unknown")).as("nonsense: the last trusted hop").isEqualTo("10.1.1.1");
        assertThat(resolve("10.1.1.1", "[2001:db8::1]:4711")).isEqualTo("2001:db8::1");
        assertThat(resolve("10.1.1.1", "198.51.100.1:443")).isEqualTo("198.51.100.1");
        assertThat(resolve("10.1.1.1", "evil.example.com")).as("never a DNS name").isEqualTo("10.1.1.1");
    }

    @Test
    void addressesAreNormalised() {
        assertThat(ClientAddress.of("0:0:0:0:0:0:0:1").text()).isEqualTo("::1");
        assertThat(ClientAddress.of("::ffff:192.0.2.1").text()).as("v4-mapped is the v4 address").isEqualTo("192.0.2.1");
        assertThat(ClientAddress.of("2001:db8:0:0:1:0:0:1").text()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddress.of("fe80::1%eth0").text()).isEqualTo("fe80::1");
        assertThat(ClientAddress.of("localhost").ip()).isEmpty();
        assertThat(IpAddress.literal("010.0.0.1")).as("no octal ambiguity").isEmpty();
    }

    @Test
    void rangesOfBothFamilies() {
        IpRange v4 = IpRange.parse("192.0.2.0/24");
        IpRange v6 = IpRange.parse("2001:db8::/32");
        assertThat(v4.contains(ip("192.0.2.200"))).isTrue();
        assertThat(v4.contains(ip("192.0.3.1"))).isFalse();
        assertThat(v4.contains(ip("::ffff:192.0.2.1"))).isTrue();
        assertThat(v6.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(v6.contains(ip("2001:db9::1"))).isFalse();
        assertThat(v6.contains(ip("192.0.2.1"))).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains(ip("203.0.113.1"))).isTrue();
        assertThat(IpRange.parse("2001:DB8:0::1").toString()).isEqualTo("2001:db8::1/128");
        for (String bad : List.of("10.1.2.3/8", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1", "host/8", "[::1]", "10.0.0.1:80", "fe80::1%eth0", "")) {
            assertThatThrownBy(() -> IpRange.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void denyWinsAllowRestrictsAndAnUnknownAddressIsRefusedByAnyList() {
        IpAccessList list = new IpAccessList(List.of(IpRange.parse("192.0.2.0/24"), IpRange.parse("2001:db8::/32")),
                List.of(IpRange.parse("192.0.2.66"), IpRange.parse("2001:db8:bad::/48")));
        assertThat(list.permits(ClientAddress.of("192.0.2.10"))).isTrue();
        assertThat(list.permits(ClientAddress.of("192.0.2.66"))).isFalse();
        assertThat(list.permits(ClientAddress.of("198.51.100.1"))).isFalse();
        assertThat(list.permits(ClientAddress.of("2001:db8::1"))).isTrue();
        assertThat(list.permits(ClientAddress.of("2001:db8:bad::1"))).isFalse();
        assertThat(list.permits(ClientAddress.of("not-an-address"))).isFalse();
        IpAccessList denyOnly = new IpAccessList(List.of(), List.of(IpRange.parse("203.0.113.0/24")));
        assertThat(denyOnly.permits(ClientAddress.of("198.51.100.1"))).isTrue();
        assertThat(denyOnly.permits(ClientAddress.of("203.0.113.5"))).isFalse();
        assertThat(IpAccessList.NONE.permits(ClientAddress.of("not-an-address"))).isTrue();
    }

    private static java.net.InetAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}
