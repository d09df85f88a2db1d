package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.IssuerMetadata;
import io.latchkey.resourceserver.revocation.IntrospectionClient;
import io.latchkey.resourceserver.revocation.RevocationGate;
import io.latchkey.resourceserver.servlet.DiscoveredJwkSource;
import io.latchkey.resourceserver.servlet.RevocationServletFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Servlet: the JWT decoder on the issuer's JWKS, a default filter chain, the revocation filter. */
@AutoConfiguration(after = LatchkeyResourceServerAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnProperty(prefix = "latchkey.resource-server", name = "issuer")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LatchkeyServletResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder latchkeyJwtDecoder(LatchkeyResourceServerProperties properties, IssuerMetadata metadata) {
        return decoder(properties, metadata);
    }

    static NimbusJwtDecoder decoder(LatchkeyResourceServerProperties properties, IssuerMetadata metadata) {
        DiscoveredJwkSource keys = new DiscoveredJwkSource(metadata, properties.jwksRefreshMinInterval(),
                properties.jwksTtl(), properties.fallback().timeout());
        // No Nimbus type check: it would refuse typ at+jwt; the at+jwt validator checks typ instead.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier((type, context) -> { }))
                .build();
        decoder.setJwtValidator(LatchkeyResourceServerAutoConfiguration.validator(properties));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain latchkeyResourceServerFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    RevocationServletFilter latchkeyRevocationServletFilter(RevocationGate gate, JwtDecoder decoder,
            ObjectProvider<IntrospectionClient> introspection, LatchkeyResourceServerProperties properties) {
        return new RevocationServletFilter(gate, decoder, introspection.getIfAvailable(),
                properties.fallback().timeout());
    }
}
