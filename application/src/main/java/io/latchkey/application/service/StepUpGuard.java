package io.latchkey.application.service;

import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.error.StepUpRequiredException;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.SessionRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * The rule for sensitive changes (password, deletion, second factors): the caller's session must have authenticated
 * within the policy's step-up age and, when the account has a second factor, with one. Read from the session's
 * record, not from the access token, so a step-up counts at once. Step-up itself always asks for the second factor
 * of an account that has one, so a recent authentication time never hides an old second factor.
 */
public final class StepUpGuard {

    private final SessionRepository sessions;
    private final SecondFactorVerifier factors;
    private final MfaPolicy policy;
    private final InstantSource clock;

    public StepUpGuard(SessionRepository sessions, SecondFactorVerifier factors, MfaPolicy policy, InstantSource clock) {
        this.sessions = sessions;
        this.factors = factors;
        this.policy = policy;
        this.clock = clock;
    }

    /** Completes when the session may make a sensitive change; fails with {@link StepUpRequiredException} if not. */
    public Mono<Void> require(UserId userId, SessionId sessionId) {
        return sessions.findById(sessionId)
                .filter(session -> session.userId().equals(userId) && session.status() == SessionStatus.ACTIVE)
                .switchIfEmpty(Mono.error(SessionRevokedException::new))
                .zipWith(factors.hasSecondFactor(userId))
                .flatMap(found -> {
                    SessionAuthentication auth = found.getT1().authentication();
                    boolean needsSecondFactor = found.getT2();
                    boolean satisfied = auth.isRecent(clock.instant(), policy.stepUpMaxAge())
                            && (!needsSecondFactor || auth.includesPossessionFactor());
                    return satisfied ? Mono.<Void>empty()
                            : Mono.error(new StepUpRequiredException(policy.stepUpMaxAge(), needsSecondFactor));
                });
    }
}
