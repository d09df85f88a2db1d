/** Rate limits and lockout: how much guessing the service tolerates. */
@NullMarked
package io.latchkey.domain.model.abuse;

import org.jspecify.annotations.NullMarked;
