package io.latchkey.domain.port;

import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.user.Email;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Mails waiting to be sent, written in the caller's transaction so a mail goes out if and only if it commits. */
public interface MailOutbox {

    /** Queues a mail; one whose content is written at send time is written (or dropped) by the relay. */
    Mono<Void> enqueue(QueuedMail mail);

    /** Claims up to {@code limit} mails due at {@code now}, skipping rows another relay holds. */
    Flux<QueuedMail> claimDue(int limit, Instant now);

    /** Removes a mail that was sent, or that expired unsent. */
    Mono<Void> remove(UUID id);

    /** Drops every unsent mail to the address, in any spelling of it (its account is being deleted). */
    Mono<Void> removeAddressedTo(Email to);

    /** Drops the unsent password-reset mails to the address, in any spelling of it (its password just changed, or it was disabled). */
    Mono<Void> removePasswordResetsTo(Email to);

    Mono<Void> markFailed(UUID id, int attempts, Instant nextAttemptAt);
}
