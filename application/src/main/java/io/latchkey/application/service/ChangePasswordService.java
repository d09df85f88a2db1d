package io.latchkey.application.service;

import io.latchkey.application.service.SessionRevoker.Revocation;
import io.latchkey.application.usecase.ChangePasswordCommand;
import io.latchkey.application.usecase.ChangePasswordUseCase;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.event.PasswordChanged;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Changes the password after the step-up rule ({@link StepUpGuard}) and checking the current one (a wrong one counts towards the login lockout). By default every other session ends (reason
 * {@code password_changed}); the caller's own stays. Outstanding reset tokens die with the old password.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final PasswordResetTokens resetTokens;
    private final SessionRevoker revoker;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final LoginGuard guard;
    private final MailOutbox mails;
    private final StepUpGuard stepUp;

    private record Confirmed(User user, PasswordHash hash) {
    }
    private final InstantSource clock;

    public ChangePasswordService(UserRepository users, PasswordHasher hasher, PasswordPolicy passwordPolicy,
            PasswordResetTokens resetTokens, SessionRevoker revoker, OutboxWriter events,
            TransactionRunner transactions, IdGenerator ids, LoginGuard guard, AccountMail accountMail,
            StepUpGuard stepUp, InstantSource clock) {
        this.stepUp = stepUp;
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.resetTokens = resetTokens;
        this.revoker = revoker;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.guard = guard;
        this.mails = accountMail.outbox();
        this.clock = clock;
    }

    @Override
    public Mono<Void> change(ChangePasswordCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            RawPassword current = input.required(command.currentPassword(), "current_password", RawPassword::new);
            RawPassword next = input.required(command.newPassword(), "new_password",
                    raw -> passwordPolicy.accept(raw, "new_password"));
            input.throwIfAny();
            return stepUp.require(command.userId(), command.sessionId())
                    .then(users.findById(command.userId()))
                    .switchIfEmpty(Mono.error(SessionRevokedException::new))
                    .flatMap(user -> guard.confirmPassword(user, current))
                    .flatMap(user -> hasher.hash(next).map(hash -> new Confirmed(user, hash)))
                    .flatMap(confirmed -> {
                        Instant now = clock.instant();
                        Mono<Revocation> others = command.revokeOtherSessions()
                                ? revoker.revokeOthersWithin(command.userId(), command.sessionId(),
                                        RevocationReason.PASSWORD_CHANGED, now)
                                : Mono.just(Revocation.none(command.userId(), now));
                        return transactions.inTransaction(users.updatePassword(command.userId(), confirmed.hash(), now)
                                .then(resetTokens.deleteFor(command.userId()))
                                .then(mails.removePasswordResetsTo(confirmed.user().email()))
                                .then(others)
                                .flatMap(revocation -> events.write(
                                        new PasswordChanged(ids.newId(), command.userId(), now)).thenReturn(revocation)));
                    })
                    .flatMap(revoker::afterCommit);
        });
    }
}
