/** A downstream service that trusts Latchkey's access tokens, as a reference for adding the starter. */
@NullMarked
package io.latchkey.sample;

import org.jspecify.annotations.NullMarked;
