/** The servlet edge: the filter that turns revocation decisions into 401 or 503 answers. */
@NullMarked
package io.latchkey.resourceserver.servlet;

import org.jspecify.annotations.NullMarked;
