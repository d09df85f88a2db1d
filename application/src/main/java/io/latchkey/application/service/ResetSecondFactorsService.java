package io.latchkey.application.service;

import io.latchkey.application.usecase.ResetSecondFactorsCommand;
import io.latchkey.application.usecase.ResetSecondFactorsUseCase;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.event.UserMfaDisabled;
import io.latchkey.application.service.SessionRevoker.Revocation;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.user.Email;
import java.time.Instant;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.SecondFactorRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * An administrator removes every second factor of a user (lost phone and codes, lost passkeys). In one transaction:
 * the TOTP factor, recovery codes and passkeys go, every session of the user is revoked (reason {@code admin}, the
 * epoch raised: a session that someone holding a lost factor opened does not survive the reset),
 * {@code user.mfa_disabled} (reason {@code admin_reset}, with the administrator as {@code actor_id}) is written, and
 * the user is told by mail. Resetting an account without factors changes nothing and sends nothing. An administrator
 * cannot reset their own factors here: that would remove them without ever presenting them, so they use
 * {@code DELETE /api/v1/me/mfa/totp}, which needs a step-up with the factor.
 */
public final class ResetSecondFactorsService implements ResetSecondFactorsUseCase {

    private final UserRepository users;
    private final SecondFactorRepository factors;
    private final PasskeyRepository passkeys;
    private final SessionRevoker revoker;
    private final OutboxWriter events;
    private final MailOutbox mail;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public ResetSecondFactorsService(UserRepository users, SecondFactorRepository factors, PasskeyRepository passkeys,
            SessionRevoker revoker, OutboxWriter events, MailOutbox mail, TransactionRunner transactions,
            IdGenerator ids, InstantSource clock) {
        this.users = users;
        this.factors = factors;
        this.passkeys = passkeys;
        this.revoker = revoker;
        this.events = events;
        this.mail = mail;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<Void> reset(ResetSecondFactorsCommand command) {
        if (command.adminId().equals(command.userId())) {
            return Mono.error(new InvalidInputException(new FieldViolation("id", "an administrator cannot reset their "
                    + "own second factors here; use DELETE /api/v1/me/mfa/totp, which asks for a step-up")));
        }
        return users.findById(command.userId())
                .switchIfEmpty(Mono.error(UserNotFoundException::new))
                .flatMap(user -> {
                    var now = clock.instant();
                    return transactions.inTransaction(factors.deleteAll(user.id())
                                    .zipWith(passkeys.deleteAll(user.id()), (totp, keys) -> totp || keys)
                                    .flatMap(removed -> !removed ? Mono.<Revocation>empty()
                                            : events.write(new UserMfaDisabled(ids.newId(), user.id(), now, "all",
                                                            UserMfaDisabled.BY_ADMIN, command.adminId()))
                                                    .then(mail.enqueue(resetMail(user.email(), now).queued()))
                                                    .then(revoker.revokeAllWithin(user.id(), RevocationReason.ADMIN, now))))
                            .flatMap(revoker::afterCommit);
                });
    }

    private OutgoingMail resetMail(Email address, Instant now) {
        return new OutgoingMail(ids.newId(), address, "Your second factors were reset", """
                An administrator removed the second factors (authenticator app, recovery codes and passkeys) of your \
                account at %s (UTC) and signed you out everywhere. You now sign in with your password alone.

                If you did not ask for this, contact your administrator at once and set up your second factors again.
                """.formatted(now), null);
    }
}
