package io.latchkey.application.service;

import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.token.AccessToken;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenId;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.IdGenerator;
import java.time.Instant;

/**
 * Builds the claims of an access token for a user's session (with how it was authenticated) and has it signed. The
 * roles follow {@link MfaPolicy#effectiveRoles}: without {@code mfa}, an administrator's token may lack ADMIN.
 */
final class AccessTokenFactory {

    private final AccessTokenIssuer issuer;
    private final IdGenerator ids;
    private final TokenPolicy policy;
    private final MfaPolicy mfa;

    AccessTokenFactory(AccessTokenIssuer issuer, IdGenerator ids, TokenPolicy policy, MfaPolicy mfa) {
        this.issuer = issuer;
        this.ids = ids;
        this.policy = policy;
        this.mfa = mfa;
    }

    AccessToken issue(User user, Session session, Instant now) {
        SessionAuthentication auth = session.authentication();
        return issuer.issue(new AccessTokenClaims(new TokenId(ids.newId()), user.id(), session.id(),
                mfa.effectiveRoles(user.roles(), auth.amr()),
                user.authEpoch(), now, now.plus(policy.accessTokenTtl()), auth.amr(), auth.authTime(),
                auth.identityProvider()));
    }
}
