package io.latchkey.resourceserver.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.resourceserver.IssuerStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IntrospectionClientTest {

    @Test
    void givenASecretWithPlusSlashEqualsColonAndPercent_latchkeyAcceptsTheCredentials() throws Exception {
        // As `openssl rand -base64 32` makes them, plus the characters form-encoding would have changed.
        try (IssuerStub issuer = new IssuerStub("billing-service", "q+4/Zx=:%2B=")) {
            assertThat(client(issuer).isActive(issuer.token()).get()).isTrue();
            assertThat(issuer.hits.get("/api/v1/auth/introspect")).hasValue(1);
        }
    }

    @Test
    void givenMetadataNamingAnIntrospectionEndpointOnAnotherOrigin_theCredentialsAreNotSent() throws Exception {
        try (IssuerStub issuer = new IssuerStub("billing-service", "secret")) {
            issuer.introspectionEndpoint = "http://127.0.0.2:" + issuer.issuer().getPort() + "/api/v1/auth/introspect";

            assertThatThrownBy(() -> client(issuer).isActive(issuer.token()).get())
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("not on the issuer's origin");
            assertThat(issuer.hits).doesNotContainKey("/api/v1/auth/introspect");
        }
        assertThat(IntrospectionClient.pinned(URI.create("https://id.example"), URI.create("https://id.example:443/i")))
                .isEqualTo(URI.create("https://id.example:443/i"));
        assertThatThrownBy(() -> IntrospectionClient.pinned(URI.create("https://id.example"),
                URI.create("http://id.example/i"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenTheCallsInFlightAreAtTheBound_anotherFailsAtOnce_andAFinishedCallGivesItsPlaceBack() throws Exception {
        try (IssuerStub issuer = new IssuerStub("billing-service", "secret")) {
            IntrospectionClient client = client(issuer, 1);
            java.util.concurrent.CompletableFuture<Boolean> first = client.isActive(issuer.token());
            java.util.concurrent.CompletableFuture<Boolean> second = client.isActive(issuer.token());

            assertThatThrownBy(second::get).hasMessageContaining("too many introspection calls in flight");
            assertThat(first.get()).isTrue();
            assertThat(client.isActive(issuer.token()).get()).as("a new token, after the first finished").isTrue();
        }
    }

    private static IntrospectionClient client(IssuerStub issuer) {
        return client(issuer, 64);
    }

    private static IntrospectionClient client(IssuerStub issuer, int maxInFlight) {
        return new IntrospectionClient(HttpClient.newHttpClient(), JsonMapper.builder().build(), issuer.issuer(),
                issuer.clientId, issuer.clientSecret, Duration.ofSeconds(5), 100, Duration.ofSeconds(2), maxInFlight,
                InstantSource.system());
    }
}
