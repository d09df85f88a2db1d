/** Wiring: configuration properties, the use-case beans and the adapters' settings. */
@NullMarked
package io.latchkey.bootstrap.config;

import org.jspecify.annotations.NullMarked;
