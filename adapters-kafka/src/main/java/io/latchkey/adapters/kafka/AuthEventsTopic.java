package io.latchkey.adapters.kafka;

import java.util.Objects;

/**
 * The topic every auth event goes to, keyed by user id so one user's events stay in order. Partitions
 * bound consumer parallelism; replication 3 with {@code min.insync.replicas} 2 survives a broker loss.
 */
public record AuthEventsTopic(String name, int partitions, short replicationFactor) {

    public AuthEventsTopic {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("invalid topic settings");
        }
    }
}
