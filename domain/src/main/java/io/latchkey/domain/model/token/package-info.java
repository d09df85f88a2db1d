/** Tokens: access-token claims, opaque refresh tokens and the lifetimes that govern them. */
@NullMarked
package io.latchkey.domain.model.token;

import org.jspecify.annotations.NullMarked;
