/** Sessions: one refresh-token family per login, with its rotation and revocation rules. */
@NullMarked
package io.latchkey.domain.model.session;

import org.jspecify.annotations.NullMarked;
