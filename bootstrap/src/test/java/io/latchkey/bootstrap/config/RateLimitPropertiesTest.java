package io.latchkey.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.model.abuse.AbuseLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    @Test
    void givenNoOverrides_theDefaultsApply() {
        AbuseLimits limits = new RateLimitProperties(true, 2, 1000, Map.of()).toLimits();
        assertThat(limits.loginPerAccount().limit()).isEqualTo(5);
        assertThat(limits.loginPerAccount().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(limits.resendPerAccount().limit()).isEqualTo(1);
        assertThat(limits.resendPerAccount().window()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void givenAnOverride_itReplacesOnlyThatLimit() {
        AbuseLimits limits = new RateLimitProperties(true, 2, 1000, Map.of("login-per-ip", "7/30s")).toLimits();
        assertThat(limits.loginPerIp().limit()).isEqualTo(7);
        assertThat(limits.loginPerIp().window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.registerPerIp().limit()).isEqualTo(20);
    }

    @Test
    void givenATypoOrABadShape_startupFailsNamingIt() {
        assertThatThrownBy(() -> new RateLimitProperties(true, 2, 1000, Map.of("login-per-ipp", "7/30s")))
                .hasMessageContaining("login-per-ipp");
        assertThatThrownBy(() -> new RateLimitProperties(true, 2, 1000, Map.of("login-per-ip", "seven")).toLimits())
                .hasMessageContaining("30/1m");
    }
}
