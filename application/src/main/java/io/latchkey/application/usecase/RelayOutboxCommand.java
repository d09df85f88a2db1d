package io.latchkey.application.usecase;

/** How many messages one relay round may claim. */
public record RelayOutboxCommand(int batchSize) {

    public RelayOutboxCommand {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
