package io.latchkey.application.usecase;

/**
 * What one relay round did: messages published, messages that failed and were rescheduled, and messages dropped
 * unsent (expired, undeliverable, or with nobody to send them to).
 */
public record RelayResult(int published, int failed, int dropped) {

    public static final RelayResult NOTHING = new RelayResult(0, 0, 0);

    public RelayResult(int published, int failed) {
        this(published, failed, 0);
    }

    /** Every message the round took off the queue or rescheduled. */
    public int handled() {
        return published + failed + dropped;
    }

    public RelayResult plus(RelayResult other) {
        return new RelayResult(published + other.published, failed + other.failed, dropped + other.dropped);
    }
}
