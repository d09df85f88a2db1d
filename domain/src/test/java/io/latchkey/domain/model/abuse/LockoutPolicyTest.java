package io.latchkey.domain.model.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void givenFewerFailuresThanTheThreshold_lockedUntil_isEmpty() {
        assertThat(policy.lockedUntil(4, NOW)).isEmpty();
    }

    @Test
    void givenFailuresFromTheThresholdOn_theLockDoublesEachTimeUpToTheMaximum() {
        assertThat(policy.lockedUntil(5, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.lockedUntil(6, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.lockedUntil(9, NOW)).contains(NOW.plus(Duration.ofMinutes(16)));
        assertThat(policy.lockedUntil(11, NOW)).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.lockedUntil(1_000, NOW)).contains(NOW.plus(Duration.ofHours(1)));
    }
}
