/** RFC 9457 problem+json for every failure the API reports. */
@NullMarked
package io.latchkey.adapters.web.error;

import org.jspecify.annotations.NullMarked;
