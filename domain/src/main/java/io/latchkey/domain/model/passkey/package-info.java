/** Passkeys (WebAuthn credentials): stored credentials, ceremonies and the relying-party settings. */
@NullMarked
package io.latchkey.domain.model.passkey;

import org.jspecify.annotations.NullMarked;
