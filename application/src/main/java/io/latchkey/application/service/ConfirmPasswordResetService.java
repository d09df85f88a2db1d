package io.latchkey.application.service;

import io.latchkey.application.usecase.ConfirmPasswordResetCommand;
import io.latchkey.application.usecase.ConfirmPasswordResetUseCase;
import io.latchkey.domain.error.InvalidResetTokenException;
import io.latchkey.domain.event.IdentityUnlinked;
import io.latchkey.domain.event.PasswordChanged;
import io.latchkey.domain.event.UserPasskeyRemoved;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.IdentityLinkRepository;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * In one transaction: use the token (single use; only for an active account), set the password, forget the
 * account's other reset tokens, queued reset mails and login failures, end every session and raise the epoch. A
 * used, unknown or expired token changes nothing.
 */
public final class ConfirmPasswordResetService implements ConfirmPasswordResetUseCase {

    private final UserRepository users;
    private final PasswordResetTokens resetTokens;
    private final LoginFailures loginFailures;
    private final MailOutbox mails;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final SessionRevoker revoker;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final IdentityLinkRepository links;
    private final PasskeyRepository passkeys;

    public ConfirmPasswordResetService(UserRepository users, PasswordResetTokens resetTokens,
            LoginFailures loginFailures, AccountMail accountMail, PasswordHasher hasher, PasswordPolicy passwordPolicy, SessionRevoker revoker,
            OutboxWriter events, TransactionRunner transactions, AttemptGate gate, AbuseLimits limits,
            IdGenerator ids, InstantSource clock, IdentityLinkRepository links, PasskeyRepository passkeys) {
        this.users = users;
        this.links = links;
        this.passkeys = passkeys;
        this.resetTokens = resetTokens;
        this.loginFailures = loginFailures;
        this.mails = accountMail.outbox();
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.revoker = revoker;
        this.events = events;
        this.transactions = transactions;
        this.gate = gate;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * While the address is unverified, no provider vouched for it (one that did would have verified it), so any
     * link may belong to someone who merely claimed the address; the mailbox owner taking the account over ends
     * them, or that someone could still sign in through the provider. Passkeys go for the same reason: one added
     * before the address was proven would sign in without the new password.
     */
    private Mono<Void> unlinkUnvouched(User user, Instant now) {
        if (user.emailVerified()) {
            return Mono.empty();
        }
        return links.findByUserForUpdate(user.id())
                .concatMap(link -> links.delete(user.id(), link.provider())
                        .then(events.write(new IdentityUnlinked(ids.newId(), user.id(), now, link.provider()))))
                .thenMany(passkeys.findByUser(user.id()))
                .concatMap(passkey -> passkeys.delete(user.id(), passkey.id())
                        .filter(Boolean::booleanValue)
                        .flatMap(removed -> events.write(new UserPasskeyRemoved(ids.newId(), user.id(), now,
                                passkey.id()))))
                .then();
    }

    @Override
    public Mono<Void> confirm(ConfirmPasswordResetCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            PasswordResetToken token = input.required(command.token(), "token", ConfirmPasswordResetService::token);
            RawPassword password = input.required(command.newPassword(), "new_password",
                    raw -> passwordPolicy.accept(raw, "new_password"));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.resetConfirmPerIp(), command.clientIp()))
                    .then(hasher.hash(password))
                    .flatMap(hash -> {
                        Instant now = clock.instant();
                        return transactions.inTransaction(resetTokens.consume(token.hash(), now)
                                .flatMap(users::findByIdForShare)
                                .filter(User::canAuthenticate)
                                .switchIfEmpty(Mono.error(InvalidResetTokenException::new))
                                .flatMap(user -> users.updatePassword(user.id(), hash, now)
                                        .then(resetTokens.deleteFor(user.id()))
                                        .then(mails.removePasswordResetsTo(user.email()))
                                        .then(loginFailures.clearAll(user.email()))
                                        .then(unlinkUnvouched(user, now))
                                        .then(revoker.revokeAllWithin(user.id(), RevocationReason.PASSWORD_CHANGED, now))
                                        .flatMap(revocation -> events.write(
                                                new PasswordChanged(ids.newId(), user.id(), now)).thenReturn(revocation))));
                    })
                    .flatMap(revoker::afterCommit);
        });
    }

    private static PasswordResetToken token(String raw) {
        if (raw.length() > PasswordResetToken.MAX_LENGTH) {
            throw new InvalidResetTokenException();
        }
        return new PasswordResetToken(raw.strip());
    }
}
