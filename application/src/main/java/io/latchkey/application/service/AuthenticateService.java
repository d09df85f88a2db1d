package io.latchkey.application.service;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.AuthCache;
import java.time.InstantSource;
import io.latchkey.domain.model.mfa.MfaPolicy;
import java.util.Set;
import reactor.core.publisher.Mono;

/** Authenticates a request's bearer token: signature and claims locally, then the live session check. */
public final class AuthenticateService implements AuthenticateUseCase {

    private final AccessTokenCheck check;
    private final MfaPolicy mfa;

    public AuthenticateService(AccessTokenVerifier verifier, AuthCache cache, SessionRepository sessions,
            FallbackGate fallbackGate, InstantSource clock) {
        this(verifier, cache, sessions, fallbackGate, MfaPolicy.DEFAULTS, clock);
    }

    public AuthenticateService(AccessTokenVerifier verifier, AuthCache cache, SessionRepository sessions,
            FallbackGate fallbackGate, MfaPolicy mfa, InstantSource clock) {
        this.check = new AccessTokenCheck(verifier, cache, sessions, fallbackGate, clock);
        this.mfa = mfa;
    }

    /**
     * With the policy "MFA required for administrators", the ADMIN role only counts in a session whose token says
     * {@code mfa}: an administrator who signed in with one factor can still use their own account (and enrol a second
     * factor, then step up), but not the admin API.
     */
    @Override
    public Mono<AuthenticatedCaller> authenticate(AuthenticateCommand command) {
        return check.check(command.accessToken()).map(checked -> {
            AuthenticatedCaller caller = checked.snapshot().caller();
            Set<String> roles = mfa.effectiveRoles(caller.roles(), checked.claims().amr());
            return roles.equals(caller.roles()) ? caller
                    : new AuthenticatedCaller(caller.userId(), caller.sessionId(), roles, caller.emailVerified());
        });
    }
}
