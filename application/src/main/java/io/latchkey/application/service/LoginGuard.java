package io.latchkey.application.service;

import io.latchkey.domain.error.IncorrectPasswordException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.LockoutPolicy;
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
 * Login's credential check and abuse protection: the per-IP and per-address rate limits (Redis, or a stricter
 * per-instance limiter when Redis is down), then the per-address count of consecutive wrong passwords in
 * PostgreSQL with its growing lockout, which holds whatever happens to Redis. Every step is the same for an
 * address with an account and one without (a decoy Argon2 check, a failure counted, a lock), so neither the
 * answer nor its timing tells them apart.
 */
public final class LoginGuard {

    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final UserRepository users;
    private final LoginFailures failures;
    private final LockoutPolicy lockout;
    private final PasswordHasher hasher;
    private final AccountPolicy accounts;
    private final InstantSource clock;

    public LoginGuard(AttemptGate gate, AbuseLimits limits, UserRepository users, LoginFailures failures,
            LockoutPolicy lockout, PasswordHasher hasher, AccountPolicy accounts, InstantSource clock) {
        this.gate = gate;
        this.limits = limits;
        this.users = users;
        this.failures = failures;
        this.lockout = lockout;
        this.hasher = hasher;
        this.accounts = accounts;
        this.clock = clock;
    }

    Mono<Void> admit(Email email, @Nullable String clientIp) {
        return gate.admit(AttemptGate.check(limits.loginPerIp(), clientIp),
                AttemptGate.check(limits.loginPerAccount(), email.value()));
    }

    /** The account when the address is not locked, has an account, and the password is its password. */
    Mono<User> authenticate(Email email, RawPassword password) {
        return notLocked(email, password)
                .then(users.findByEmail(email).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(found -> found.isPresent()
                        ? hasher.matches(password, found.get().passwordHash()).map(ok -> ok ? found : Optional.<User>empty())
                        : hasher.matchesNothing(password).thenReturn(Optional.<User>empty()))
                .flatMap(user -> user.isPresent() ? failures.clear(email).thenReturn(user.get()) : countFailure(email));
    }

    /**
     * The same check for a signed-in caller confirming a sensitive change (password change, deletion): a wrong
     * password counts towards the lockout, so a stolen access token cannot be used to guess the password.
     */
    Mono<User> confirmPassword(User user, RawPassword password) {
        return notLocked(user.email(), password)
                .then(hasher.matches(password, user.passwordHash()))
                .flatMap(ok -> ok ? failures.clear(user.email()).thenReturn(user) : countFailure(user.email()))
                .onErrorMap(InvalidCredentialsException.class, e -> new IncorrectPasswordException());
    }

    boolean refusesUnverified(User user) {
        return accounts.loginRequiresVerifiedEmail() && !user.emailVerified();
    }

    /** A locked address still costs one Argon2 check, so a lock cannot be told from a wrong password by timing. */
    private Mono<Void> notLocked(Email email, RawPassword password) {
        return failures.lockedUntil(email, clock.instant())
                .flatMap(until -> hasher.matchesNothing(password)
                        .then(Mono.<Void>error(new RateLimitedException(Duration.between(clock.instant(), until)))));
    }

    private Mono<User> countFailure(Email email) {
        Instant now = clock.instant();
        return failures.recordFailure(email, now, lockout.forgetAfter())
                .flatMap(count -> lockout.lockedUntil(count, now)
                        .map(until -> failures.lockUntil(email, until))
                        .orElse(Mono.empty()))
                .then(Mono.error(new InvalidCredentialsException()));
    }
}
