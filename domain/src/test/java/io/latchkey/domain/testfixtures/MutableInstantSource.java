package io.latchkey.domain.testfixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. */
public final class MutableInstantSource implements InstantSource {

    private volatile Instant now;

    public MutableInstantSource(Instant start) {
        this.now = start;
    }

    public static MutableInstantSource atDefaultStart() {
        return new MutableInstantSource(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
