/** Facts about accounts and sessions that other instances and services react to. */
@NullMarked
package io.latchkey.domain.event;

import org.jspecify.annotations.NullMarked;
