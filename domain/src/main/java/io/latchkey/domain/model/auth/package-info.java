/** The per-session authentication view that authenticated requests are answered from. */
@NullMarked
package io.latchkey.domain.model.auth;

import org.jspecify.annotations.NullMarked;
