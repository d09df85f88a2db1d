package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.IssuerMetadata;
import io.latchkey.resourceserver.revocation.AuthEventParser;
import io.latchkey.resourceserver.revocation.IntrospectionClient;
import io.latchkey.resourceserver.revocation.RevocationGate;
import io.latchkey.resourceserver.revocation.RevocationStore;
import io.latchkey.resourceserver.revocation.RevocationStream;
import java.net.http.HttpClient;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack-independent half: the revocation set, the stream that feeds it, the gate that decides on it, the
 * optional introspection fallback and the token validator. The web halves are
 * {@link LatchkeyReactiveResourceServerAutoConfiguration} and {@link LatchkeyServletResourceServerAutoConfiguration}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnProperty(prefix = "latchkey.resource-server", name = "issuer")
@EnableConfigurationProperties(LatchkeyResourceServerProperties.class)
public class LatchkeyResourceServerAutoConfiguration {

    @Bean
    RevocationStore latchkeyRevocationStore(LatchkeyResourceServerProperties properties) {
        return new RevocationStore(properties.maxEntries());
    }

    @Bean
    RevocationStreamLifecycle latchkeyRevocationStream(LatchkeyResourceServerProperties properties,
            RevocationStore store, Environment environment) {
        LatchkeyResourceServerProperties.Events stream = properties.events();
        String servers = stream.bootstrapServers() != null ? stream.bootstrapServers()
                : environment.getProperty("spring.kafka.bootstrap-servers");
        if (servers == null || servers.isBlank()) {
            throw new IllegalStateException("latchkey.resource-server.events.bootstrap-servers is required");
        }
        RevocationStream.Settings settings = new RevocationStream.Settings(servers, stream.topic(),
                properties.maxTokenLifetime().plus(properties.clockSkew()).plus(stream.startMargin()),
                stream.staleAfter(), stream.pollTimeout(), properties.clockSkew(), stream.restartBackoff(),
                stream.consumerProperties());
        return new RevocationStreamLifecycle(settings, store,
                new AuthEventParser(JsonMapper.builder().build(), properties.maxTokenLifetime()),
                InstantSource.system());
    }

    /** Readiness is REFUSING_TRAFFIC until the revocation stream has caught up. */
    @Bean
    @ConditionalOnMissingBean(ApplicationAvailability.class)
    ApplicationAvailabilityBean applicationAvailability(RevocationStreamLifecycle stream) {
        return new CaughtUpApplicationAvailability(stream.stream()::caughtUp);
    }

    @Bean
    RevocationGate latchkeyRevocationGate(LatchkeyResourceServerProperties properties, RevocationStore store,
            RevocationStreamLifecycle stream) {
        return new RevocationGate(store, stream.stream(),
                properties.fallback().mode() == LatchkeyResourceServerProperties.Mode.INTROSPECTION,
                InstantSource.system());
    }

    @Bean
    @Nullable IntrospectionClient latchkeyIntrospectionClient(LatchkeyResourceServerProperties properties) {
        LatchkeyResourceServerProperties.Fallback fallback = properties.fallback();
        if (fallback.mode() != LatchkeyResourceServerProperties.Mode.INTROSPECTION) {
            return null;
        }
        if (fallback.clientId() == null || fallback.clientSecret() == null) {
            throw new IllegalStateException("latchkey.resource-server.fallback.mode=introspection needs "
                    + "fallback.client-id and fallback.client-secret");
        }
        return new IntrospectionClient(HttpClient.newBuilder().connectTimeout(fallback.timeout()).build(),
                JsonMapper.builder().build(), properties.issuer(), fallback.clientId(), fallback.clientSecret(),
                fallback.cacheTtl(), fallback.cacheSize(), fallback.timeout(), fallback.maxInFlight(),
                InstantSource.system());
    }

    @Bean
    IssuerMetadata latchkeyIssuerMetadata(LatchkeyResourceServerProperties properties) {
        return new IssuerMetadata(HttpClient.newBuilder().connectTimeout(properties.fallback().timeout()).build(),
                properties.issuer(), properties.jwkSetUri(), properties.fallback().timeout());
    }

    /**
     * RFC 9068 access tokens of this issuer: {@code typ} at+jwt, {@code iss}, {@code aud}, {@code client_id}, times
     * with the configured skew (replacing the builder's fixed 60 s), and the claims revocation is keyed on:
     * {@code sid} and an integral {@code epoch} ({@code sub} is required by the builder).
     */
    static OAuth2TokenValidator<Jwt> validator(LatchkeyResourceServerProperties properties) {
        JwtTimestampValidator times = new JwtTimestampValidator(properties.clockSkew());
        return JwtValidators.createAtJwtValidator().issuer(properties.issuer().toString())
                .audience(properties.audience()).clientId(properties.clientId())
                .validators(validators -> {
                    validators.put("exp", new DelegatingOAuth2TokenValidator<>(required("exp", v -> v != null), times));
                    validators.put("iat", new DelegatingOAuth2TokenValidator<>(required("iat", v -> v != null), times));
                    validators.put("sid", required("sid", v -> v instanceof String s && !s.isBlank()));
                    validators.put("epoch", required("epoch", v -> RevocationGate.integral(v) != null));
                })
                .build();
    }

    private static OAuth2TokenValidator<Jwt> required(String claim, Predicate<@Nullable Object> valid) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The " + claim + " claim is missing or malformed", null);
        return new OAuth2TokenValidator<>() {
            @Override
            public OAuth2TokenValidatorResult validate(Jwt jwt) {
                return valid.test(jwt.getClaims().get(claim)) ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(error);
            }
        };
    }

    /** Only where Micrometer is on the class path. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(prefix = "latchkey.resource-server", name = "issuer")
    static class Metrics {

        @Bean
        RevocationMetrics latchkeyRevocationMetrics(RevocationStore store, RevocationStreamLifecycle stream,
                RevocationGate gate) {
            return new RevocationMetrics(store, stream.stream(), gate);
        }
    }
}
