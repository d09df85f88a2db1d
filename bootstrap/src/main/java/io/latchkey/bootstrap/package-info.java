/** The Spring Boot application that assembles the hexagon. */
@NullMarked
package io.latchkey.bootstrap;

import org.jspecify.annotations.NullMarked;
