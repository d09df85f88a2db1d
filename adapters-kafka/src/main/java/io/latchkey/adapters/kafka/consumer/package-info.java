/** The invalidation consumers: the wire format read back into purge commands, and the two listener groups. */
@NullMarked
package io.latchkey.adapters.kafka.consumer;

import org.jspecify.annotations.NullMarked;
