package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.IssuerMetadata;
import io.latchkey.resourceserver.reactive.RateLimitedJwkSource;
import io.latchkey.resourceserver.reactive.RevocationWebFilter;
import java.time.InstantSource;
import io.latchkey.resourceserver.revocation.IntrospectionClient;
import io.latchkey.resourceserver.revocation.RevocationGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** WebFlux: the JWT decoder on the issuer's JWKS, a default filter chain, the revocation filter. */
@AutoConfiguration(after = LatchkeyResourceServerAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@ConditionalOnProperty(prefix = "latchkey.resource-server", name = "issuer")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
public class LatchkeyReactiveResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder latchkeyReactiveJwtDecoder(LatchkeyResourceServerProperties properties,
            IssuerMetadata metadata) {
        WebClient web = WebClient.create();
        RateLimitedJwkSource keys = new RateLimitedJwkSource(() -> Mono.fromFuture(metadata::jwksUri)
                .flatMap(uri -> web.get().uri(uri).retrieve().bodyToMono(String.class))
                .timeout(properties.fallback().timeout())
                .map(RateLimitedJwkSource::parse), properties.jwksRefreshMinInterval(), properties.jwksTtl(),
                InstantSource.system());
        // validateType(false): Nimbus would refuse typ at+jwt; the at+jwt validator checks typ instead.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256).validateType(false).build();
        decoder.setJwtValidator(LatchkeyResourceServerAutoConfiguration.validator(properties));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain latchkeyResourceServerFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyExchange().authenticated())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    RevocationWebFilter latchkeyRevocationWebFilter(RevocationGate gate, ReactiveJwtDecoder decoder,
            ObjectProvider<IntrospectionClient> introspection) {
        return new RevocationWebFilter(gate, decoder, introspection.getIfAvailable());
    }
}
