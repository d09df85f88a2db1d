/** Outbound ports: what the core needs from storage, caches, crypto, ids and events. */
@NullMarked
package io.latchkey.domain.port;

import org.jspecify.annotations.NullMarked;
