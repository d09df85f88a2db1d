package io.latchkey.application.service;

import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.event.UserDeleted;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Deletes an account in one transaction: its sessions are revoked (reason {@code account_deleted}), the row
 * goes (and with it, by cascade, sessions, refresh-token hashes and reset tokens), unsent mail to it is dropped,
 * and {@code user.deleted} is emitted. Then the caches and any verification code are purged.
 */
public final class AccountEraser {

    private static final Logger log = LoggerFactory.getLogger(AccountEraser.class);

    private final UserRepository users;
    private final SessionRevoker revoker;
    private final MailOutbox mails;
    private final VerificationCodeStore codes;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public AccountEraser(UserRepository users, SessionRevoker revoker, AccountMail accountMail,
            OutboxWriter events, TransactionRunner transactions, IdGenerator ids, InstantSource clock) {
        this.users = users;
        this.revoker = revoker;
        this.mails = accountMail.outbox();
        this.codes = accountMail.codes();
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    Mono<Void> erase(User user) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.inTransaction(revoker.revokeAllWithin(user.id(), RevocationReason.ACCOUNT_DELETED, now)
                            .flatMap(revocation -> mails.removeAddressedTo(user.email())
                                    .then(users.delete(user.id()))
                                    .flatMap(deleted -> deleted
                                            ? events.write(new UserDeleted(ids.newId(), user.id(), now))
                                                    .thenReturn(revocation)
                                            : Mono.error(new UserNotFoundException()))))
                    .flatMap(revoker::afterCommit)
                    .then(codes.discard(user.email()).onErrorResume(e -> RequestLogging.warn(log,
                            "account {} deleted, but its verification code could not be dropped; it expires: {}",
                            user.id(), e.toString())));
        });
    }
}
