/** The administrators' console sign-in: a server-side browser session bound to one Latchkey session. */
@NullMarked
package io.latchkey.domain.model.console;

import org.jspecify.annotations.NullMarked;
