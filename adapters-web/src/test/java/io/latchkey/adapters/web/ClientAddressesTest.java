package io.latchkey.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressesTest {

    private static MockServerWebExchange request(String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 40000))
                .header("Forwarded", "for=203.0.113.66");
        for (String value : forwardedFor) {
            builder.header("X-Forwarded-For", value);
        }
        return MockServerWebExchange.from(builder);
    }

    @Test
    void givenNoTrustedProxy_theConnectionAddressCountsAndForwardedHeadersAreIgnored() {
        ClientAddresses clients = new ClientAddresses(new ClientAddressSettings(0));
        assertThat(clients.of(request("198.51.100.7"))).isEqualTo("10.0.0.1");
    }

    @Test
    void givenOneTrustedProxy_theRightMostForwardedEntryCounts_notWhatTheClientPutBeforeIt() {
        ClientAddresses clients = new ClientAddresses(new ClientAddressSettings(1));
        assertThat(clients.of(request("192.0.2.1, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(request("192.0.2.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void givenFewerEntriesThanTrustedProxies_theConnectionAddressCounts() {
        ClientAddresses clients = new ClientAddresses(new ClientAddressSettings(2));
        assertThat(clients.of(request("198.51.100.7"))).isEqualTo("10.0.0.1");
        assertThat(clients.of(request("192.0.2.1, 198.51.100.7, 10.0.0.2"))).isEqualTo("198.51.100.7");
    }
}
