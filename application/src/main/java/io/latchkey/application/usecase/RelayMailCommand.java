package io.latchkey.application.usecase;

/** How many mails one relay round may claim. */
public record RelayMailCommand(int batchSize) {

    public RelayMailCommand {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
