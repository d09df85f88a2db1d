/** Mail adapter: hands mails from the mail outbox to an SMTP server. */
@NullMarked
package io.latchkey.adapters.mail;

import org.jspecify.annotations.NullMarked;
