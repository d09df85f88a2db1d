/** A downstream service that trusts Latchkey's access tokens, as a reference for adding the starter. */
@NullMarked
package com.example.billing;

import org.jspecify.annotations.NullMarked;
