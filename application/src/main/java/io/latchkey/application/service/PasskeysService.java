package io.latchkey.application.service;

import io.latchkey.application.usecase.ListPasskeysUseCase;
import io.latchkey.application.usecase.PasskeyCallerCommand;
import io.latchkey.application.usecase.RegisterPasskeyCommand;
import io.latchkey.application.usecase.RegisterPasskeyUseCase;
import io.latchkey.application.usecase.RemovePasskeyCommand;
import io.latchkey.application.usecase.RemovePasskeyUseCase;
import io.latchkey.application.usecase.RenamePasskeyCommand;
import io.latchkey.application.usecase.RenamePasskeyUseCase;
import io.latchkey.application.usecase.StartPasskeyRegistrationUseCase;
import io.latchkey.domain.error.EmailNotVerifiedException;
import io.latchkey.domain.error.InvalidPasskeyException;
import io.latchkey.domain.error.PasskeyNotFoundException;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.event.UserPasskeyAdded;
import io.latchkey.domain.event.UserPasskeyRemoved;
import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.passkey.PasskeyCeremony;
import io.latchkey.domain.model.passkey.PasskeyOptions;
import io.latchkey.domain.model.passkey.PasskeyPolicy;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.passkey.VerifiedCredential;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.PasskeyCeremonyStore;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.PasskeyVerifier;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's own passkeys. Starting and finishing a registration and removing a passkey need a step-up
 * ({@link StepUpGuard}), like every other change of factors; renaming and listing do not. A registration answers
 * the challenge of its own options once (the ceremony is taken from the store), for the same account, and only
 * while the account's address is verified.
 */
public final class PasskeysService implements StartPasskeyRegistrationUseCase, RegisterPasskeyUseCase,
        ListPasskeysUseCase, RenamePasskeyUseCase, RemovePasskeyUseCase {

    static final String DEFAULT_NAME = "Passkey";

    private final UserRepository users;
    private final PasskeyRepository passkeys;
    private final PasskeyCeremonyStore ceremonies;
    private final PasskeyVerifier verifier;
    private final PasskeyOptionsFactory options;
    private final StepUpGuard stepUp;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public PasskeysService(UserRepository users, PasskeyRepository passkeys, PasskeyCeremonyStore ceremonies,
            PasskeyVerifier verifier, FactorSecretGenerator secrets, PasskeyPolicy policy, StepUpGuard stepUp,
            OutboxWriter events, TransactionRunner transactions, IdGenerator ids, InstantSource clock) {
        this.users = users;
        this.passkeys = passkeys;
        this.ceremonies = ceremonies;
        this.verifier = verifier;
        this.options = new PasskeyOptionsFactory(ceremonies, secrets, policy);
        this.stepUp = stepUp;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<PasskeyOptions> start(PasskeyCallerCommand command) {
        return stepUp.require(command.userId(), command.sessionId())
                .then(verifiedUser(command.userId()))
                .flatMap(user -> passkeys.findByUser(user.id()).collectList()
                        .flatMap(existing -> options.issue(new PasskeyCeremony(PasskeyPurpose.REGISTRATION, user.id(),
                                null), existing, false, user)));
    }

    @Override
    public Mono<Passkey> register(RegisterPasskeyCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            String name = name(command.name(), input, true);
            input.throwIfAny();
            return stepUp.require(command.userId(), command.sessionId())
                    .then(verifiedUser(command.userId()))
                    .then(Mono.fromCallable(() -> verifier.challengeOf(command.registration().clientDataJson())))
                    .flatMap(challenge -> ceremonies.take(challenge)
                            .filter(ceremony -> ceremony.purpose() == PasskeyPurpose.REGISTRATION
                                    && command.userId().equals(ceremony.userId()))
                            .switchIfEmpty(Mono.error(() -> new InvalidPasskeyException("The challenge is unknown, "
                                    + "expired, already used or was issued for something else; ask for new options.")))
                            .map(ceremony -> verifier.verifyRegistration(command.registration(), challenge, false)))
                    .flatMap(verified -> store(command.userId(), Objects.requireNonNull(name), verified));
        });
    }

    private Mono<Passkey> store(UserId userId, String name, VerifiedCredential verified) {
        Instant now = clock.instant();
        Passkey passkey = new Passkey(ids.newId(), verified.credentialId(), userId, name, verified.credentialData(),
                verified.signCount(), verified.backupEligible(), now, null);
        return transactions.inTransaction(passkeys.insert(passkey)
                .flatMap(inserted -> inserted
                        ? events.write(new UserPasskeyAdded(ids.newId(), userId, now, passkey.id())).thenReturn(passkey)
                        : Mono.error(new InvalidPasskeyException("This credential is already registered."))));
    }

    @Override
    public Flux<Passkey> list(UserId userId) {
        return passkeys.findByUser(userId);
    }

    @Override
    public Mono<Passkey> rename(RenamePasskeyCommand command) {
        // An unknown id answers 404 whatever the body says.
        return passkeys.findByUser(command.userId()).filter(passkey -> passkey.id().equals(command.passkeyId())).next()
                .switchIfEmpty(Mono.error(PasskeyNotFoundException::new))
                .flatMap(found -> {
                    InputViolations input = new InputViolations();
                    String name = name(command.name(), input, false);
                    input.throwIfAny();
                    return passkeys.rename(command.userId(), command.passkeyId(), Objects.requireNonNull(name))
                            .switchIfEmpty(Mono.error(PasskeyNotFoundException::new));
                });
    }

    @Override
    public Mono<Void> remove(RemovePasskeyCommand command) {
        return stepUp.require(command.userId(), command.sessionId())
                .then(Mono.defer(() -> {
                    Instant now = clock.instant();
                    return transactions.inTransaction(passkeys.delete(command.userId(), command.passkeyId())
                            .flatMap(removed -> removed
                                    ? events.write(new UserPasskeyRemoved(ids.newId(), command.userId(), now,
                                            command.passkeyId())).thenReturn(true)
                                    : Mono.just(false)));
                }))
                .flatMap(removed -> removed ? Mono.<Void>empty() : Mono.error(new PasskeyNotFoundException()));
    }

    private static @Nullable String name(@Nullable String raw, InputViolations input, boolean defaulted) {
        if (raw == null || raw.isBlank()) {
            if (defaulted) {
                return DEFAULT_NAME;
            }
            input.add("name", "is required");
            return null;
        }
        String name = raw.strip();
        if (name.length() > Passkey.MAX_NAME_LENGTH || name.codePoints().anyMatch(PasskeysService::hidden)) {
            input.add("name", "at most " + Passkey.MAX_NAME_LENGTH + " characters, no control, format (such as "
                    + "bidirectional overrides) or line separator characters");
            return null;
        }
        return name;
    }

    /** Characters that reorder, hide or break the name where it is shown (account page, admin console). */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Only the proven owner of the address may add a passkey: one added by whoever merely claimed the address
     * would otherwise sign in without the password the mailbox owner later resets.
     */
    private Mono<User> verifiedUser(UserId id) {
        return users.findById(id).switchIfEmpty(Mono.error(SessionRevokedException::new))
                .flatMap(user -> user.emailVerified() ? Mono.just(user) : Mono.error(new EmailNotVerifiedException()));
    }
}
