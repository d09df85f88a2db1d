package io.latchkey.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

class CaughtUpApplicationAvailabilityTest {

    @Test
    void givenBootAnnouncesReadiness_theApplicationRefusesTrafficUntilTheStreamHasCaughtUp() {
        AtomicBoolean caughtUp = new AtomicBoolean();
        CaughtUpApplicationAvailability availability = new CaughtUpApplicationAvailability(caughtUp::get);

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.CORRECT));
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));

        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
        caughtUp.set(true);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        caughtUp.set(false);   // the consumer restarted and reads the window again
        assertThat(availability.getState(ReadinessState.class)).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    }

    @Test
    void givenTheApplicationRefusesTrafficItself_catchingUpDoesNotOverrideIt() {
        CaughtUpApplicationAvailability availability = new CaughtUpApplicationAvailability(() -> true);

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));

        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    }
}
