package io.latchkey.application.service;

import io.latchkey.domain.error.MfaRequiredException;
import io.latchkey.domain.model.mfa.MfaChallenge;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.mfa.MfaToken;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.MfaChallengeStore;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The one rule every sign-in path applies after its first factor: an account with an active second factor gets no
 * tokens yet but an MFA challenge ({@link MfaRequiredException} carrying the single-use MFA token, completed through
 * {@code POST /api/v1/auth/mfa}); any other account, and a sign-in whose first factor already proved possession (a
 * passkey), gets its session through {@link SessionOpener}.
 */
public final class MfaRequirement {

    private final SecondFactorVerifier factors;
    private final MfaChallengeStore challenges;
    private final FactorSecretGenerator secrets;
    private final SessionOpener opener;
    private final MfaPolicy policy;

    public MfaRequirement(SecondFactorVerifier factors, MfaChallengeStore challenges, FactorSecretGenerator secrets,
            SessionOpener opener, MfaPolicy policy) {
        this.factors = factors;
        this.challenges = challenges;
        this.secrets = secrets;
        this.opener = opener;
        this.policy = policy;
    }

    /**
     * Tokens for {@code user}, who passed {@code first}, or (when the account has a second factor) a failure with
     * {@link MfaRequiredException}. {@code device} is the known device the client showed, kept for the completion.
     */
    public Mono<TokenPair> signIn(User user, SessionAuthentication first, ClientInfo client, @Nullable UUID device) {
        return opener.admissible(user).then(factors.methodsOf(user.id())).flatMap(methods -> {
            if (methods.isEmpty() || first.includesPossessionFactor()) {
                return opener.open(user, first, client);
            }
            MfaToken token = new MfaToken(user.id(), secrets.newChallengeSecret());
            MfaChallenge challenge = new MfaChallenge(user.id(), user.authEpoch(), first.methods(),
                    first.identityProvider(), device, first.methods().contains(AuthMethod.PWD)
                            ? MfaChallenge.fingerprint(user.passwordHash()) : null);
            return challenges.save(token, challenge, policy.challengeTtl())
                    .then(Mono.error(new MfaRequiredException(token.encoded(), methods,
                            policy.challengeTtl().toSeconds())));
        });
    }
}
