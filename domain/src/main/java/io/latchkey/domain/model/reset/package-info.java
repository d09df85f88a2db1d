/** Single-use password-reset tokens. */
@NullMarked
package io.latchkey.domain.model.reset;

import org.jspecify.annotations.NullMarked;
