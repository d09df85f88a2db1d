package io.latchkey.application.service;

import io.latchkey.domain.error.InvalidPasskeyException;
import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.passkey.PasskeyCeremony;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.passkey.UserHandle;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.PasskeyCeremonyStore;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.PasskeyVerifier;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Checks a passkey assertion: its challenge is taken (once) from the pending ceremonies and must have been issued
 * for this purpose and account; the credential must be registered (to that account, and named by the user handle
 * of a discoverable credential); the signature, origin, rp id and flags must verify (user verification only for a
 * passwordless sign-in, where the passkey is the only factor); and the signature counter must rise, recorded by one
 * conditional UPDATE so a cloned authenticator's stale counter is refused even when requests race.
 */
public final class PasskeyAssertions {

    private final PasskeyCeremonyStore ceremonies;
    private final PasskeyRepository passkeys;
    private final PasskeyVerifier verifier;
    private final InstantSource clock;

    public PasskeyAssertions(PasskeyCeremonyStore ceremonies, PasskeyRepository passkeys, PasskeyVerifier verifier,
            InstantSource clock) {
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * The passkey that signed {@code assertion} for {@code purpose}; {@code owner} is the account it must belong to
     * (null for a passwordless sign-in), {@code ceremonyCheck} what else the ceremony must say.
     */
    Mono<Passkey> verify(PasskeyAssertion assertion, PasskeyPurpose purpose, @Nullable UserId owner,
            Predicate<PasskeyCeremony> ceremonyCheck) {
        return Mono.fromCallable(() -> verifier.challengeOf(assertion.clientDataJson()))
                .flatMap(challenge -> ceremonies.take(challenge)
                        .filter(ceremony -> ceremony.purpose() == purpose && Objects.equals(ceremony.userId(), owner)
                                && ceremonyCheck.test(ceremony))
                        .switchIfEmpty(Mono.error(() -> new InvalidPasskeyException(
                                "The challenge is unknown, expired, already used or was issued for something else; "
                                        + "ask for new options.")))
                        .then(passkeys.findByCredentialId(assertion.credentialId()))
                        .filter(passkey -> owner == null ? assertion.userHandle() != null
                                && UserHandle.names(assertion.userHandle(), passkey.userId())
                                : passkey.userId().equals(owner))
                        .switchIfEmpty(Mono.error(() -> new InvalidPasskeyException(
                                "This passkey is not registered to the account.")))
                        .flatMap(passkey -> Mono.fromCallable(() -> verifier.verifyAssertion(assertion, passkey,
                                        challenge, purpose == PasskeyPurpose.PASSWORDLESS))
                                .flatMap(count -> passkeys.recordUse(passkey.credentialId(), count, clock.instant()))
                                .flatMap(recorded -> recorded ? Mono.just(passkey)
                                        : Mono.error(new InvalidPasskeyException("The authenticator's signature "
                                                + "counter did not increase; it may have been cloned.")))));
    }
}
