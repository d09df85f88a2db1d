package io.latchkey.resourceserver;

import java.util.function.BooleanSupplier;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;

/**
 * Spring Boot's availability, except that readiness is REFUSING_TRAFFIC while the revocation stream has not caught
 * up (at start, after a restart of its consumer, while a partition added later is read). Deciding when the state is
 * read, rather than answering Boot's ACCEPTING_TRAFFIC event with another event, does not depend on listener order.
 */
final class CaughtUpApplicationAvailability extends ApplicationAvailabilityBean {

    private final BooleanSupplier caughtUp;

    CaughtUpApplicationAvailability(BooleanSupplier caughtUp) {
        this.caughtUp = caughtUp;
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
        return refusingIfBehind(type, super.getState(type, defaultState));
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> type) {
        return refusingIfBehind(type, super.getState(type));
    }

    private <S extends AvailabilityState> S refusingIfBehind(Class<S> type, S state) {
        if (type == ReadinessState.class && state == ReadinessState.ACCEPTING_TRAFFIC && !caughtUp.getAsBoolean()) {
            return type.cast(ReadinessState.REFUSING_TRAFFIC);
        }
        return state;
    }
}
