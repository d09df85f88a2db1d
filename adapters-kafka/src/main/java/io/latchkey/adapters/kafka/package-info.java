/** Kafka: the auth-events topic, the wire format and (in sub-packages) the producer and consumers. */
@NullMarked
package io.latchkey.adapters.kafka;

import org.jspecify.annotations.NullMarked;
