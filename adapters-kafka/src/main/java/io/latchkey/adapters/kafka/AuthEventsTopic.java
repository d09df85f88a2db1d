package io.latchkey.adapters.kafka;

import java.util.Objects;

/**
 * The topic every auth event goes to, keyed by user id so one user's events stay in order; {@code source} is
 * the CloudEvents source of every event. Partitions
 * bound consumer parallelism; replication 3 with {@code min.insync.replicas} 2 survives a broker loss.
 */
public record AuthEventsTopic(String name, int partitions, short replicationFactor, String source) {

    public AuthEventsTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank() || partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("invalid topic settings");
        }
    }

    /** Where poison messages go, with the reason in their headers. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }
}
