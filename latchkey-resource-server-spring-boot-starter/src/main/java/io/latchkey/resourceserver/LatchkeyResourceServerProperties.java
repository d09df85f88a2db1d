package io.latchkey.resourceserver;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.resource-server.*}. Only {@code issuer} and {@code events.bootstrap-servers} are needed; the rest
 * has defaults matching Latchkey's own.
 *
 * @param issuer the Latchkey issuer URL, exactly as its tokens' {@code iss}
 * @param jwkSetUri where the signing keys are; by default the {@code jwks_uri} of the issuer's discovery document
 *     ({@code <issuer>/.well-known/latchkey-configuration})
 * @param audience the {@code aud} access tokens must carry
 * @param clientId the {@code client_id} access tokens must carry
 * @param clockSkew leeway for {@code exp}/{@code nbf}/{@code iat}
 * @param jwksRefreshMinInterval an unknown {@code kid} refreshes the keys at most this often
 * @param jwksTtl the keys are fetched again once they are this old
 * @param maxTokenLifetime the longest access-token lifetime Latchkey is configured with; revocations are kept this long
 * @param events where the auth events come from and how fresh they must be
 * @param fallback what to do while the stream cannot be trusted
 * @param maxEntries at most this many revocations are held; beyond it the starter falls back rather than forget
 */
@ConfigurationProperties("latchkey.resource-server")
public record LatchkeyResourceServerProperties(
        URI issuer,
        @Nullable URI jwkSetUri,
        @DefaultValue("latchkey") String audience,
        @DefaultValue("latchkey") String clientId,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("30s") Duration jwksRefreshMinInterval,
        @DefaultValue("5m") Duration jwksTtl,
        @DefaultValue("15m") Duration maxTokenLifetime,
        @DefaultValue Events events,
        @DefaultValue Fallback fallback,
        @DefaultValue("1000000") int maxEntries) {

    public LatchkeyResourceServerProperties {
        if (issuer == null) {
            throw new IllegalArgumentException("latchkey.resource-server.issuer is required");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("latchkey.resource-server.max-entries must be positive");
        }
    }

    /**
     * @param bootstrapServers the Kafka cluster Latchkey publishes to
     * @param topic the auth-events topic
     * @param startMargin read back this much further than lifetime plus skew on start
     * @param staleAfter a partition whose newest heartbeat is older than this makes the stream stale
     * @param pollTimeout how long one poll waits for records
     * @param restartBackoff after the consumer fails, a new one starts after this long
     * @param consumerProperties extra Kafka consumer properties (security, TLS)
     */
    public record Events(
            @Nullable String bootstrapServers,
            @DefaultValue("latchkey.auth-events.v1") String topic,
            @DefaultValue("30s") Duration startMargin,
            @DefaultValue("10s") Duration staleAfter,
            @DefaultValue("100ms") Duration pollTimeout,
            @DefaultValue("5s") Duration restartBackoff,
            @DefaultValue java.util.Map<String, String> consumerProperties) {
    }

    /**
     * @param mode {@code unavailable}: answer 503 with Retry-After; {@code introspection}: ask Latchkey (RFC 7662)
     * @param clientId introspection client id (introspection mode)
     * @param clientSecret introspection client secret (introspection mode)
     * @param cacheTtl how long an introspection answer is reused
     * @param cacheSize at most this many introspection answers are cached
     * @param timeout an introspection call slower than this counts as failed (503)
     * @param maxInFlight at most this many introspection calls run at once; beyond it requests get 503
     */
    public record Fallback(
            @DefaultValue("unavailable") Mode mode,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue("5s") Duration cacheTtl,
            @DefaultValue("10000") int cacheSize,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("64") int maxInFlight) {
    }

    /** What happens to a request while the revocation stream cannot be trusted. */
    public enum Mode {
        UNAVAILABLE, INTROSPECTION
    }
}
