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
import java.time.Duration;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Login's abuse protection: the per-IP and per-address rate limits (Redis, or a stricter per-instance limiter
 * when Redis is down), and the per-account count of consecutive wrong passwords in PostgreSQL with its growing
 * lockout, which holds whatever happens to Redis.
 */
public final class LoginGuard {

    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final LoginFailures failures;
    private final LockoutPolicy lockout;
    private final PasswordHasher hasher;
    private final AccountPolicy accounts;
    private final InstantSource clock;

    public LoginGuard(AttemptGate gate, AbuseLimits limits, LoginFailures failures, LockoutPolicy lockout,
            PasswordHasher hasher, AccountPolicy accounts, InstantSource clock) {
        this.gate = gate;
        this.limits = limits;
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

    /**
     * The user when the password is right and the account is not locked. A locked account still costs one
     * Argon2 check, so a lock cannot be told apart by timing from a wrong password.
     */
    Mono<User> checkPassword(User user, RawPassword password) {
        return failures.lockedUntil(user.id(), clock.instant())
                .flatMap(until -> hasher.matchesNothing(password)
                        .then(Mono.<User>error(new RateLimitedException(Duration.between(clock.instant(), until)))))
                .switchIfEmpty(Mono.defer(() -> hasher.matches(password, user.passwordHash())
                        .flatMap(ok -> ok ? failures.clear(user.id()).thenReturn(user) : countFailure(user))));
    }

    /**
     * The same check for a signed-in caller confirming a sensitive change (password change, deletion): a wrong
     * password counts towards the lockout, so a stolen access token cannot be used to guess the password.
     */
    Mono<User> confirmPassword(User user, RawPassword password) {
        return checkPassword(user, password)
                .onErrorMap(InvalidCredentialsException.class, e -> new IncorrectPasswordException());
    }

    boolean refusesUnverified(User user) {
        return accounts.loginRequiresVerifiedEmail() && !user.emailVerified();
    }

    private Mono<User> countFailure(User user) {
        return failures.recordFailure(user.id())
                .flatMap(count -> lockout.lockedUntil(count, clock.instant())
                        .map(until -> failures.lockUntil(user.id(), until))
                        .orElse(Mono.empty()))
                .then(Mono.error(new InvalidCredentialsException()));
    }
}
