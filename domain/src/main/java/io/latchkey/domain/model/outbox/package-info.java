/** Outbox messages: events committed with their change, waiting to be relayed to the event stream. */
@NullMarked
package io.latchkey.domain.model.outbox;

import org.jspecify.annotations.NullMarked;
