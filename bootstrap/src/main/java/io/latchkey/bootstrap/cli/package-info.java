/** Commands of the executable jar that run instead of the service, such as generating key material. */
@NullMarked
package io.latchkey.bootstrap.cli;

import org.jspecify.annotations.NullMarked;
