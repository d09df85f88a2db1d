/** Email verification codes and the outcome of checking one. */
@NullMarked
package io.latchkey.domain.model.verification;

import org.jspecify.annotations.NullMarked;
