/** Publishes committed outbox messages to the auth-events topic with CloudEvents headers. */
@NullMarked
package io.latchkey.adapters.kafka.producer;

import org.jspecify.annotations.NullMarked;
