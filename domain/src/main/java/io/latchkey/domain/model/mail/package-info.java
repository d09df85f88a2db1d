/** Mails the service sends, as they wait in the mail outbox. */
@NullMarked
package io.latchkey.domain.model.mail;

import org.jspecify.annotations.NullMarked;
