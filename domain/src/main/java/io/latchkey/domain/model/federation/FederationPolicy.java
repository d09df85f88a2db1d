package io.latchkey.domain.model.federation;

import io.latchkey.domain.model.abuse.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured providers, how long a browser flow may take (state, nonce, PKCE verifier) and how long the
 * one-time Latchkey code lives, and the rate limits on starting a flow and redeeming a code, per client IP.
 */
public record FederationPolicy(Map<String, ProviderPolicy> providers, Duration flowTtl, Duration codeTtl,
        RateLimit startPerIp, RateLimit tokenPerIp) {

    public FederationPolicy {
        providers = Map.copyOf(providers);
        Objects.requireNonNull(flowTtl, "flowTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
        Objects.requireNonNull(startPerIp, "startPerIp");
        Objects.requireNonNull(tokenPerIp, "tokenPerIp");
    }

    public Optional<ProviderPolicy> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }
}
