/** HTTP primary adapter: controllers and their request and response records. */
@NullMarked
package io.latchkey.adapters.web;

import org.jspecify.annotations.NullMarked;
