package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.security.WebAuthn4jPasskeyVerifier;
import io.latchkey.application.service.AttemptGate;
import io.latchkey.application.service.MfaRequirement;
import io.latchkey.application.service.PasskeyAssertions;
import io.latchkey.application.service.PasskeySignInService;
import io.latchkey.application.service.PasskeysService;
import io.latchkey.application.service.StepUpGuard;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.passkey.PasskeyPolicy;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.KnownDevices;
import io.latchkey.domain.port.MfaChallengeStore;
import io.latchkey.domain.port.PasskeyCeremonyStore;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.PasskeyVerifier;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passkeys: the relying party, the WebAuthn verifier, and the passkey use cases. */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PasskeyPolicy passkeyPolicy(PasskeyProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    PasskeyVerifier passkeyVerifier(PasskeyProperties properties) {
        return new WebAuthn4jPasskeyVerifier(properties.rpId(), properties.origins());
    }

    @Bean
    PasskeyAssertions passkeyAssertions(PasskeyCeremonyStore ceremonies, PasskeyRepository passkeys,
            PasskeyVerifier verifier, InstantSource clock) {
        return new PasskeyAssertions(ceremonies, passkeys, verifier, clock);
    }

    /** One service behind the caller's own passkey use cases (register, list, rename, remove). */
    @Bean
    PasskeysService passkeysService(UserRepository users, PasskeyRepository passkeys, PasskeyCeremonyStore ceremonies,
            PasskeyVerifier verifier, FactorSecretGenerator secrets, PasskeyPolicy policy, StepUpGuard stepUp,
            OutboxWriter events, TransactionRunner transactions, IdGenerator ids, InstantSource clock) {
        return new PasskeysService(users, passkeys, ceremonies, verifier, secrets, policy, stepUp, events, transactions,
                ids, clock);
    }

    /** Passkey assertion options (passwordless, second factor, step-up) and the passwordless sign-in. */
    @Bean
    PasskeySignInService passkeySignInService(PasskeyCeremonyStore ceremonies, FactorSecretGenerator secrets,
            PasskeyPolicy policy, PasskeyRepository passkeys, PasskeyAssertions assertions, MfaChallengeStore challenges,
            UserRepository users, MfaRequirement mfa, KnownDevices devices, IdGenerator ids, MfaPolicy mfaPolicy,
            AttemptGate gate, AbuseLimits limits, InstantSource clock) {
        return new PasskeySignInService(ceremonies, secrets, policy, passkeys, assertions, challenges, users, mfa,
                devices, ids, mfaPolicy, gate, limits, clock);
    }
}
