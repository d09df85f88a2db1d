/** The sealed hierarchy of failures a use case can end in, each with a stable code. */
@NullMarked
package io.latchkey.domain.error;

import org.jspecify.annotations.NullMarked;
