/** The administrators' console at {@code /admin}: server-rendered pages over the same use cases as the admin API. */
@NullMarked
package io.latchkey.adapters.web.console;

import org.jspecify.annotations.NullMarked;
