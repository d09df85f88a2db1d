package io.latchkey.adapters.web.federation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The providers by id; how long a provider may take to answer before the sign-in fails with 503; the clock skew
 * allowed on an ID token's expiry; and the public base URI of Latchkey for its callback (null: the request's own).
 */
public record FederationClientSettings(Map<String, IdentityProviderSettings> providers, Duration timeout,
        Duration clockSkew, @Nullable URI publicBaseUri) {

    public FederationClientSettings {
        providers = Map.copyOf(providers);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clockSkew, "clockSkew");
    }
}
