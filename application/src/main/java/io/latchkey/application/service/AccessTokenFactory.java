package io.latchkey.application.service;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.AccessToken;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenId;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.IdGenerator;
import java.time.Instant;

/** Builds the claims of an access token for a user's session and has it signed. */
final class AccessTokenFactory {

    private final AccessTokenIssuer issuer;
    private final IdGenerator ids;
    private final TokenPolicy policy;

    AccessTokenFactory(AccessTokenIssuer issuer, IdGenerator ids, TokenPolicy policy) {
        this.issuer = issuer;
        this.ids = ids;
        this.policy = policy;
    }

    AccessToken issue(User user, SessionId sessionId, Instant now) {
        return issuer.issue(new AccessTokenClaims(new TokenId(ids.newId()), user.id(), sessionId, user.roles(),
                user.authEpoch(), now, now.plus(policy.accessTokenTtl())));
    }
}
