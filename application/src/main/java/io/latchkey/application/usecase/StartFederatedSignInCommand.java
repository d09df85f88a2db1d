package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * @param callback Latchkey's own callback URI the provider returns to
 * @param appState opaque value of the app, handed back with the result
 * @param linkingUser the logged-in user linking this provider, or null for a sign-in
 */
public record StartFederatedSignInCommand(String provider, @Nullable String redirectUri, @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod, @Nullable String appState, URI callback, @Nullable String clientIp,
        @Nullable UserId linkingUser) {
}
