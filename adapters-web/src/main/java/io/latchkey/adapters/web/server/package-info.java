/** The embedded Netty server's own answers, brought in line with the API's problem+json errors. */
@NullMarked
package io.latchkey.adapters.web.server;

import org.jspecify.annotations.NullMarked;
