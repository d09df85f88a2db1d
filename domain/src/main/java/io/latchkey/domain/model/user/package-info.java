/** Accounts: identity, credentials, profile and the rules a password must meet. */
@NullMarked
package io.latchkey.domain.model.user;

import org.jspecify.annotations.NullMarked;
