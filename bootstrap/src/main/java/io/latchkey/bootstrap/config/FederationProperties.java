package io.latchkey.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.federation.*}: sign-in through OpenID Connect providers. {@code providers.<id>} names each
 * provider by the id used in its URLs; {@code preset} ({@code google}, {@code kakao}, {@code github} or {@code oidc})
 * fills in the issuer and scopes of a well-known provider ({@code github}: plain OAuth 2.0, no ID tokens). {@code public-base-uri} is how clients reach Latchkey (its callback is
 * {@code <public-base-uri>/api/v1/auth/federation/<id>/callback}); without it the request's own URI is used.
 */
@ConfigurationProperties("latchkey.federation")
public record FederationProperties(@DefaultValue Map<String, Provider> providers, @Nullable URI publicBaseUri,
        @DefaultValue("10m") Duration flowTtl, @DefaultValue("60s") Duration codeTtl,
        @DefaultValue("5s") Duration timeout, @DefaultValue("60s") Duration clockSkew) {

    /**
     * @param issuer the issuer; discovery at {@code <issuer>/.well-known/openid-configuration}
     * @param clientSecret from a Secret in production (the chart's {@code federation.providers.<id>.clientSecret})
     * @param redirectUris the app redirect URIs allowed, matched exactly
     * @param nativeClientIds further client ids whose ID tokens the native endpoint accepts
     * @param autoLinkVerifiedEmail link a new identity to the account with the same address, when both are verified
     * @param authorizationEndpoint for {@code github}: overrides its authorization endpoint (likewise the token,
     *     user and emails endpoints), e.g. for GitHub Enterprise Server or a test double
     */
    public record Provider(@DefaultValue("oidc") String preset, @Nullable URI issuer, String clientId,
            @Nullable String clientSecret, @Nullable List<String> scopes, @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> nativeClientIds, @DefaultValue("false") boolean autoLinkVerifiedEmail,
            @Nullable URI authorizationEndpoint, @Nullable URI tokenEndpoint, @Nullable URI userEndpoint,
            @Nullable URI emailsEndpoint) {
    }
}
