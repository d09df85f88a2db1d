package io.latchkey.application.service;

import io.latchkey.application.service.SessionRevoker.Revocation;
import io.latchkey.application.usecase.SetUserStatusCommand;
import io.latchkey.application.usecase.SetUserStatusUseCase;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.event.UserUpdated;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Disabling ends every session and raises the epoch in the same transaction, then purges the caches at once,
 * so the account's tokens stop working on the next request; login refuses it until it is enabled again.
 */
public final class SetUserStatusService implements SetUserStatusUseCase {

    private final UserRepository users;
    private final PasswordResetTokens resetTokens;
    private final MailOutbox mails;
    private final SessionRevoker revoker;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public SetUserStatusService(UserRepository users, PasswordResetTokens resetTokens, AccountMail accountMail,
            SessionRevoker revoker, OutboxWriter events, TransactionRunner transactions, IdGenerator ids,
            InstantSource clock) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.mails = accountMail.outbox();
        this.revoker = revoker;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<Void> set(SetUserStatusCommand command) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return AdminActions.notOnThemselves(command.actor(), command.userId())
                    .then(users.findById(command.userId()))
                    .switchIfEmpty(Mono.error(UserNotFoundException::new))
                    .flatMap(user -> transactions.inTransaction(users.updateStatus(user.id(), command.status(), now)
                            .flatMap(changed -> changed
                                    ? endAccess(user, command.status(), now).flatMap(revocation -> events.write(
                                            new UserUpdated(ids.newId(), user.id(), now, List.of("status")))
                                            .thenReturn(revocation))
                                    : Mono.just(Revocation.none(user.id(), now)))))
                    .flatMap(revoker::afterCommit);
        });
    }

    /** Disabling ends every way in: sessions (and with the epoch, every access token), reset tokens and reset mails. */
    private Mono<Revocation> endAccess(User user, UserStatus status, Instant now) {
        if (status != UserStatus.DISABLED) {
            return Mono.just(Revocation.none(user.id(), now));
        }
        return revoker.revokeAllWithin(user.id(), RevocationReason.ADMIN, now)
                .flatMap(revocation -> resetTokens.deleteFor(user.id())
                        .then(mails.removePasswordResetsTo(user.email()))
                        .thenReturn(revocation));
    }
}
