/** Token signing and verification (JOSE), JWKS keys, password hashing, refresh secrets and the security filter chain. */
@NullMarked
package io.latchkey.adapters.web.security;

import org.jspecify.annotations.NullMarked;
