package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.security.AesGcmFactorSecretCipher;
import io.latchkey.adapters.web.security.RefreshTokenSecret;
import io.latchkey.application.service.CompleteMfaChallengeService;
import io.latchkey.application.service.LoginGuard;
import io.latchkey.application.service.MfaRequirement;
import io.latchkey.application.service.PasskeyAssertions;
import io.latchkey.application.service.ResetSecondFactorsService;
import io.latchkey.application.service.AttemptGate;
import io.latchkey.application.service.SecondFactorVerifier;
import io.latchkey.application.service.SessionRevoker;
import io.latchkey.application.service.SecondFactorsService;
import io.latchkey.application.service.SessionOpener;
import io.latchkey.application.service.StepUpGuard;
import io.latchkey.application.service.StepUpService;
import io.latchkey.application.usecase.CompleteMfaChallengeUseCase;
import io.latchkey.application.usecase.ResetSecondFactorsUseCase;
import io.latchkey.application.usecase.StepUpUseCase;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.FactorSecretCipher;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.KnownDevices;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.MfaChallengeStore;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.SecondFactorRepository;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Second factors: the policy, the cipher for stored secrets, and the MFA components and use cases. */
@Configuration(proxyBeanMethods = false)
class MfaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MfaConfiguration.class);

    @Bean
    MfaPolicy mfaPolicy(MfaProperties properties) {
        return properties.toPolicy();
    }

    /**
     * Configured keys (rotatable by id) plus one derived from the refresh-token secret, which seals new secrets while
     * no key is configured; see docs/operations.md for why production should configure its own.
     */
    @Bean
    FactorSecretCipher factorSecretCipher(MfaProperties properties, RefreshTokenSecret refreshSecret) {
        if (!properties.secretKeys().isEmpty()
                && (properties.activeSecretKey() == null || properties.activeSecretKey().isBlank())) {
            throw new IllegalStateException("latchkey.mfa.active-secret-key must name one of latchkey.mfa.secret-keys");
        }
        if (properties.secretKeys().isEmpty()) {
            log.info("TOTP secrets are sealed with a key derived from the refresh-token secret ({}); set "
                    + "latchkey.mfa.secret-keys to rotate them independently", AesGcmFactorSecretCipher.DERIVED_KEY_ID);
        }
        return AesGcmFactorSecretCipher.withDerivedKey(refreshSecret, properties.secretKeys(), properties.activeSecretKey());
    }

    @Bean
    SecondFactorVerifier secondFactorVerifier(SecondFactorRepository factors, PasskeyRepository passkeys,
            FactorSecretCipher cipher, LoginFailures failures, LockoutPolicy lockout, MailOutbox mail, TransactionRunner transactions,
            IdGenerator ids, InstantSource clock) {
        return new SecondFactorVerifier(factors, passkeys, cipher, failures, lockout, mail, transactions, ids, clock);
    }

    @Bean
    StepUpGuard stepUpGuard(SessionRepository sessions, SecondFactorVerifier factors, MfaPolicy policy,
            InstantSource clock) {
        return new StepUpGuard(sessions, factors, policy, clock);
    }

    @Bean
    MfaRequirement mfaRequirement(SecondFactorVerifier factors, MfaChallengeStore challenges,
            FactorSecretGenerator secrets, SessionOpener opener, MfaPolicy policy) {
        return new MfaRequirement(factors, challenges, secrets, opener, policy);
    }

    @Bean
    CompleteMfaChallengeUseCase completeMfaChallengeUseCase(MfaChallengeStore challenges, UserRepository users,
            SecondFactorVerifier factors, PasskeyAssertions passkeys, SessionOpener opener, KnownDevices devices,
            IdGenerator ids, MfaPolicy policy, AttemptGate gate, AbuseLimits limits, InstantSource clock) {
        return new CompleteMfaChallengeService(challenges, users, factors, passkeys, opener, devices, ids, policy, gate, limits,
                clock);
    }

    @Bean
    StepUpUseCase stepUpUseCase(UserRepository users, SessionRepository sessions, LoginGuard guard,
            SecondFactorVerifier factors, PasskeyAssertions passkeys, AccessTokenIssuer issuer, IdGenerator ids,
            TokenPolicy policy, MfaPolicy mfa, InstantSource clock) {
        return new StepUpService(users, sessions, guard, factors, passkeys, issuer, ids, policy, mfa, clock);
    }

    /** One service behind the caller's own factor use cases (enrol, confirm, disable, regenerate, status). */
    @Bean
    SecondFactorsService secondFactorsService(UserRepository users, SecondFactorRepository factors,
            FactorSecretCipher cipher, FactorSecretGenerator secrets, StepUpGuard stepUp, SecondFactorVerifier verifier,
            SessionRevoker revoker, OutboxWriter events, TransactionRunner transactions, IdGenerator ids,
            MfaPolicy policy, InstantSource clock) {
        return new SecondFactorsService(users, factors, cipher, secrets, stepUp, verifier, revoker, events, transactions,
                ids, policy, clock);
    }

    @Bean
    ResetSecondFactorsUseCase resetSecondFactorsUseCase(UserRepository users, SecondFactorRepository factors,
            PasskeyRepository passkeys, SessionRevoker revoker, OutboxWriter events, MailOutbox mail,
            TransactionRunner transactions, IdGenerator ids, InstantSource clock) {
        return new ResetSecondFactorsService(users, factors, passkeys, revoker, events, mail, transactions, ids, clock);
    }
}
