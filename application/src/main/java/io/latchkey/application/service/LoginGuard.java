package io.latchkey.application.service;

import io.latchkey.domain.error.IncorrectPasswordException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.abuse.RecordedAttempt;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Login's credential check and abuse protection: the per-IP rate limit on every attempt and the per-address limit
 * on failed ones (Redis, or a stricter per-instance limiter when Redis is down), then the count of consecutive
 * wrong passwords in PostgreSQL with its growing lockout, which holds whatever happens to Redis. Both per-address
 * measures are kept for a {@link LockoutSubject}: the address as tried from unknown clients, or the address as
 * tried from one known device, so a stranger's failures lock out strangers, not the owner's devices. Every step is
 * the same for an address with an account and one without (a decoy Argon2 check, a failure counted, a lock), so
 * neither the answer nor its timing tells them apart; a password too long to hash is a wrong password.
 */
public final class LoginGuard {

    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final UserRepository users;
    private final LoginFailures failures;
    private final LockoutPolicy lockout;
    private final PasswordHasher hasher;
    private final AccountPolicy accounts;
    private final LoginAudit audit;
    private final InstantSource clock;

    public LoginGuard(AttemptGate gate, AbuseLimits limits, UserRepository users, LoginFailures failures,
            LockoutPolicy lockout, PasswordHasher hasher, AccountPolicy accounts, LoginAudit audit, InstantSource clock) {
        this.gate = gate;
        this.limits = limits;
        this.users = users;
        this.failures = failures;
        this.lockout = lockout;
        this.hasher = hasher;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Who the attempt is locked as: the address tried from this device when the client showed a genuine device
     * token that is younger than the policy's maximum age and carries the account's current epoch (looked up
     * here; raised by a password reset or a logout of every session, which so forgets every device); otherwise the
     * address tried from an unknown client. Without a device token there is no lookup here, so an address without
     * an account costs the same as one with.
     */
    Mono<LockoutSubject> subjectFor(Email email, Optional<KnownDevice> presented) {
        Instant now = clock.instant();
        return presented.filter(device -> device.youngerThan(accounts.deviceTokenMaxAge(), now))
                .map(device -> users.findByEmail(email).filter(device::currentFor)
                        .map(user -> LockoutSubject.device(email, device.id())))
                .orElseGet(Mono::empty)
                .defaultIfEmpty(LockoutSubject.address(email));
    }

    /**
     * Every attempt counts against the client IP's limit; the subject's limit is on failures, so each attempt
     * reserves a place in it before its password is checked (atomically: attempts in flight at once never together
     * pass the limit) and a success gives it back, so an owner who logs in successfully many times a minute
     * (scripts) is never refused for it.
     */
    Mono<Void> admit(LockoutSubject subject, @Nullable String clientIp) {
        return gate.admit(AttemptGate.check(limits.loginPerIp(), clientIp))
                .then(gate.reserve(failureLimit(subject)));
    }

    /**
     * The account when the subject is not locked, the address has an account, and the password is its password;
     * after {@link #admit}, whose reservation a success gives back.
     */
    Mono<User> authenticate(LockoutSubject subject, RawPassword password) {
        return attempt(subject, password)
                .onErrorResume(RateLimitedException.class,
                        locked -> audit.failed(subject, LoginAudit.LOCKED, null).then(Mono.error(locked)))
                .flatMap(recorded -> matching(subject.address(), password)
                        .flatMap(user -> user.isPresent()
                                ? succeeded(subject).then(gate.release(failureLimit(subject))).thenReturn(user.get())
                                : audit.failed(subject, LoginAudit.BAD_CREDENTIALS, recorded.lockedUntil())
                                        .then(Mono.error(new InvalidCredentialsException()))));
    }

    /**
     * The account if the password is its password; an address without one costs the same, a decoy check. A
     * password too long to hash is refused before any lookup or hashing, after a decoy check of the usual cost.
     */
    private Mono<Optional<User>> matching(Email email, RawPassword password) {
        if (!password.fitsHashInput()) {
            return hasher.matchesNothing(password).thenReturn(Optional.empty());
        }
        return users.findByEmail(email)
                .flatMap(user -> hasher.matches(password, user.passwordHash())
                        .flatMap(ok -> ok ? Mono.just(Optional.of(user)) : matchingAsTyped(user, password)))
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNothing(password)
                        .then(password.asTypedIfDifferent().map(hasher::matchesNothing).orElse(Mono.just(false)))
                        .thenReturn(Optional.<User>empty())));
    }

    /**
     * A hash stored before passwords were normalised was made from the password as typed: when that differs from
     * its NFC form (an unknown address pays the same second check above), it is checked too, and on a match the
     * stored hash is replaced by one of the NFC form, only if nobody changed it meanwhile.
     */
    private Mono<Optional<User>> matchingAsTyped(User user, RawPassword password) {
        return password.asTypedIfDifferent()
                .map(typed -> hasher.matches(typed, user.passwordHash())
                        .flatMap(ok -> ok ? upgraded(user, password).map(Optional::of) : Mono.just(Optional.<User>empty())))
                .orElse(Mono.just(Optional.empty()));
    }

    private Mono<User> upgraded(User user, RawPassword password) {
        Instant now = clock.instant();
        return hasher.hash(password).flatMap(hash -> users.rehashPassword(user.id(), user.passwordHash(), hash, now)
                .flatMap(replaced -> replaced ? users.findById(user.id()) : Mono.<User>empty())
                // Changed meanwhile (a reset won): the login is checked against what is stored now, and fails.
                .switchIfEmpty(Mono.error(InvalidCredentialsException::new)));
    }

    /**
     * The same check for a signed-in caller confirming a sensitive change (password change, deletion): a wrong
     * password counts towards the lockout, so a stolen access token cannot be used to guess the password.
     */
    Mono<User> confirmPassword(User user, RawPassword password) {
        LockoutSubject subject = LockoutSubject.address(user.email());
        Mono<Boolean> check = password.fitsHashInput() ? hasher.matches(password, user.passwordHash())
                : hasher.matchesNothing(password);
        return attempt(subject, password)
                .then(check)
                .flatMap(ok -> ok ? succeeded(subject).thenReturn(user) : Mono.<User>error(new InvalidCredentialsException()))
                .onErrorMap(InvalidCredentialsException.class, e -> new IncorrectPasswordException());
    }

    boolean refusesUnverified(User user) {
        return accounts.loginRequiresVerifiedEmail() && !user.emailVerified();
    }

    /**
     * Counts the attempt in PostgreSQL before its password is checked (so concurrent guesses are all counted and
     * the lock they reach refuses the rest at once), or a 429 when the subject is locked. A locked subject still
     * costs one Argon2 check, so a lock cannot be told from a wrong password by timing.
     */
    private Mono<RecordedAttempt> attempt(LockoutSubject subject, RawPassword password) {
        Instant now = clock.instant();
        return failures.recordAttempt(subject, now, lockout)
                .flatMap(recorded -> recorded.admitted() || recorded.lockedUntil() == null ? Mono.just(recorded)
                        : hasher.matchesNothing(password).then(Mono.<RecordedAttempt>error(
                                new RateLimitedException(Duration.between(now, recorded.lockedUntil())))));
    }

    /** A right password clears the subject's count, its own attempt included. */
    private Mono<Void> succeeded(LockoutSubject subject) {
        return failures.clear(subject);
    }

    private AttemptGate.Check failureLimit(LockoutSubject subject) {
        String key = subject.address().key();
        return AttemptGate.check(limits.loginPerAccount(),
                subject.knownDevice().map(device -> key + ' ' + device).orElse(key));
    }
}
