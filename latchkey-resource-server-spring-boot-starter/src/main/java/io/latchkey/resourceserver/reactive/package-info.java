/** The WebFlux edge: the filter that turns revocation decisions into 401 or 503 answers. */
@NullMarked
package io.latchkey.resourceserver.reactive;

import org.jspecify.annotations.NullMarked;
