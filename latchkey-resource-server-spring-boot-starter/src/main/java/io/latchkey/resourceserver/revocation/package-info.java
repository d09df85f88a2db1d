/** The revocation set built from Latchkey's auth events, the stream that feeds it and the decision it gives per token. */
@NullMarked
package io.latchkey.resourceserver.revocation;

import org.jspecify.annotations.NullMarked;
