package io.latchkey.bootstrap.config;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import io.latchkey.adapters.kafka.InstanceIdentity;
import io.latchkey.adapters.redis.CaffeineNearAuthCache;
import io.latchkey.adapters.redis.DisabledNearAuthCache;
import io.latchkey.adapters.web.security.VerifiedTokenCacheSettings;
import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import io.latchkey.adapters.redis.NearCacheSettings;
import io.latchkey.adapters.redis.RevokedSessions;
import io.latchkey.adapters.redis.NearAuthCache;
import io.latchkey.domain.port.AuthCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.core.env.Environment;
import io.latchkey.adapters.redis.AuthCacheSettings;
import io.latchkey.adapters.web.security.PasswordHashingSettings;
import io.latchkey.application.service.FallbackGate;
import io.latchkey.application.service.RememberRecentRevocationsService;
import io.latchkey.application.usecase.RememberRecentRevocationsUseCase;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.PasswordPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** Binds configuration properties to the domain's policy records and the adapters' settings. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    static final String COMMON_PASSWORDS = "common-passwords.txt";

    /** Microsecond ticks: what PostgreSQL stores, so a value reads back exactly as it was written. */
    @Bean
    InstantSource instantSource() {
        return InstantSource.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    TokenPolicy tokenPolicy(TokenProperties properties) {
        return new TokenPolicy(properties.accessTokenTtl(), properties.refreshIdleTtl(), properties.sessionAbsoluteTtl(),
                properties.reuseGrace());
    }

    @Bean
    PasswordPolicy passwordPolicy(PasswordProperties properties) {
        return new PasswordPolicy(properties.minLength(), properties.maxBytes(), commonPasswords());
    }

    @Bean
    PasswordHashingSettings passwordHashingSettings(PasswordProperties properties) {
        return new PasswordHashingSettings(properties.argon2MemoryKib(), properties.argon2Iterations(),
                properties.maxConcurrentChecks() > 0 ? properties.maxConcurrentChecks()
                        : PasswordHashingSettings.defaultConcurrentChecks(), properties.shedHold(), properties.hashingNice());
    }

    @Bean
    AuthCacheSettings authCacheSettings(CacheProperties properties) {
        return new AuthCacheSettings(properties.profileTtl(), properties.redisTimeout(), properties.breakerFailureRate(),
                properties.breakerWindow(), properties.breakerOpenFor());
    }

    @Bean
    AuthEventsTopic authEventsTopic(EventsProperties properties) {
        return properties.toTopic();
    }

    @Bean
    NearAuthCache nearAuthCache(CacheProperties properties, TokenProperties tokens, InstantSource clock,
            MeterRegistry meters) {
        RevokedSessions revoked = new RevokedSessions(properties.revokedSessionsMaxEntries(), tokens.clockSkew(), clock,
                meters);
        return properties.nearEnabled()
                ? new CaffeineNearAuthCache(new NearCacheSettings(properties.nearTtl(), properties.nearFallbackTtl(),
                        properties.nearMaxEntries()), revoked, meters)
                : new DisabledNearAuthCache(revoked);
    }

    @Bean
    RememberRecentRevocationsUseCase rememberRecentRevocations(SessionRepository sessions, AuthCache cache,
            TokenPolicy policy, TokenProperties tokens, InstantSource clock) {
        return new RememberRecentRevocationsService(sessions, cache, policy, tokens.clockSkew(), clock);
    }

    @Bean
    VerifiedTokenCacheSettings verifiedTokenCacheSettings(CacheProperties properties) {
        return new VerifiedTokenCacheSettings(properties.verifiedTokensMaxEntries());
    }

    /**
     * While Redis is unreachable, fail its commands at once (the PostgreSQL fallback answers) instead of queueing them.
     * A customizer of Boot's client options rather than replacing them: against a Redis Cluster they are cluster options
     * carrying the topology refresh ({@code spring.data.redis.lettuce.cluster.refresh.*}), without which the client keeps
     * sending a failed master's slots to the dead node after its replica took over; Boot also sets the command and
     * connect timeouts there.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return builder -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true);
    }

    /** {@code latchkey.instance-id}, else the host name (the pod name on Kubernetes), else a random id. */
    @Bean
    InstanceIdentity instanceIdentity(Environment environment) {
        String configured = environment.getProperty("latchkey.instance-id", environment.getProperty("HOSTNAME", ""));
        String id = configured.isBlank() ? UUID.randomUUID().toString() : configured.replaceAll("[^A-Za-z0-9._-]", "-");
        return new InstanceIdentity(id);
    }

    @Bean
    FallbackGate fallbackGate(CacheProperties properties) {
        return new FallbackGate(properties.fallbackMaxConcurrent());
    }

    static Set<String> commonPasswords() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMON_PASSWORDS, e);
        }
    }
}
