/** Federated sign-in: identities asserted by external providers, their links to accounts, and the flow's state. */
@NullMarked
package io.latchkey.domain.model.federation;

import org.jspecify.annotations.NullMarked;
