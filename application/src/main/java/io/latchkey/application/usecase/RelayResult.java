package io.latchkey.application.usecase;

/** What one relay round did: messages published, and messages that failed and were rescheduled. */
public record RelayResult(int published, int failed) {

    public static final RelayResult NOTHING = new RelayResult(0, 0);
}
