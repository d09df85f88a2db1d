package io.latchkey.application.service;

import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.passkey.PasskeyCeremony;
import io.latchkey.domain.model.passkey.PasskeyOptions;
import io.latchkey.domain.model.passkey.PasskeyPolicy;
import io.latchkey.domain.model.passkey.UserHandle;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.PasskeyCeremonyStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Issues a ceremony: a fresh random challenge stored (with what it is for) for the policy's lifetime, and its options. */
final class PasskeyOptionsFactory {

    private final PasskeyCeremonyStore ceremonies;
    private final FactorSecretGenerator secrets;
    private final PasskeyPolicy policy;

    PasskeyOptionsFactory(PasskeyCeremonyStore ceremonies, FactorSecretGenerator secrets, PasskeyPolicy policy) {
        this.ceremonies = ceremonies;
        this.secrets = secrets;
        this.policy = policy;
    }

    /** {@code credentials}: to exclude (a registration) or to allow (an assertion); {@code user} only for a registration. */
    Mono<PasskeyOptions> issue(PasskeyCeremony ceremony, List<Passkey> credentials, boolean userVerificationRequired,
            @Nullable User user) {
        // 32 random bytes, base64url: the WebAuthn challenge as the browser will echo it in clientDataJSON.
        String challenge = secrets.newChallengeSecret();
        return ceremonies.save(challenge, ceremony, policy.ceremonyTtl())
                .thenReturn(new PasskeyOptions(challenge, policy.rpId(), policy.rpName(),
                        policy.ceremonyTtl().toMillis(), credentials.stream().map(Passkey::credentialId).toList(),
                        userVerificationRequired, user == null ? null : UserHandle.base64Url(user.id()),
                        user == null ? null : user.email().value()));
    }
}
