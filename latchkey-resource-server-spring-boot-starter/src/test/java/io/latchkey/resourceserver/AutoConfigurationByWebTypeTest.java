package io.latchkey.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.resourceserver.reactive.RevocationWebFilter;
import io.latchkey.resourceserver.revocation.RevocationGate;
import io.latchkey.resourceserver.servlet.RevocationServletFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The starter configures the web stack the application runs, and nothing at all without an issuer. */
class AutoConfigurationByWebTypeTest {

    private static final AutoConfigurations STARTER = AutoConfigurations.of(LatchkeyResourceServerAutoConfiguration.class,
            LatchkeyReactiveResourceServerAutoConfiguration.class, LatchkeyServletResourceServerAutoConfiguration.class);
    // Nothing listens there: the stream's consumer keeps failing and being restarted, which the gate must survive.
    private static final String[] PROPERTIES = {"latchkey.resource-server.issuer=http://localhost:1",
            "latchkey.resource-server.events.bootstrap-servers=localhost:1"};

    @Test
    void givenAReactiveApplication_configuresTheReactiveDecoderChainAndFilter() {
        new ReactiveWebApplicationContextRunner().withConfiguration(STARTER).withPropertyValues(PROPERTIES)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).hasSingleBean(SecurityWebFilterChain.class)
                            .hasSingleBean(RevocationWebFilter.class).doesNotHaveBean(RevocationServletFilter.class)
                            .doesNotHaveBean(JwtDecoder.class);
                    assertThat(context.getBean(RevocationGate.class).trusted(java.time.Instant.now()))
                            .as("not caught up with any stream").isFalse();
                    // Boot announces readiness; the application stays not-ready while the stream is behind.
                    org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                            org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
                    assertThat(context.getBean(org.springframework.boot.availability.ApplicationAvailability.class)
                            .getReadinessState())
                            .isEqualTo(org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
                });
    }

    @Test
    void givenAServletApplication_configuresTheServletDecoderChainAndFilter() {
        new WebApplicationContextRunner().withConfiguration(STARTER).withPropertyValues(PROPERTIES)
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(JwtDecoder.class).hasSingleBean(SecurityFilterChain.class)
                            .hasSingleBean(RevocationServletFilter.class).doesNotHaveBean(RevocationWebFilter.class)
                            .doesNotHaveBean(ReactiveJwtDecoder.class);
                });
    }

    @Test
    void givenNoIssuer_configuresNothing() {
        new ApplicationContextRunner().withConfiguration(STARTER)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RevocationGate.class));
    }
}
