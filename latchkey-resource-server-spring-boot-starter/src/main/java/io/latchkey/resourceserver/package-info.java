/** Auto-configuration of the Latchkey resource server: token validation and revocation from the auth events. */
@NullMarked
package io.latchkey.resourceserver;

import org.jspecify.annotations.NullMarked;
