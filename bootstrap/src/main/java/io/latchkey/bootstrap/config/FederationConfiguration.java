package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.federation.FederationClientSettings;
import io.latchkey.adapters.web.federation.GithubExternalIdentityVerifier;
import io.latchkey.adapters.web.federation.IdentityProviderSettings;
import io.latchkey.adapters.web.federation.OAuthEndpoints;
import io.latchkey.adapters.web.federation.OidcExternalIdentityVerifier;
import io.latchkey.adapters.web.federation.RoutingExternalIdentityVerifier;
import io.latchkey.application.service.AccountMail;
import io.latchkey.application.service.AttemptGate;
import io.latchkey.application.service.FederatedSignInService;
import io.latchkey.application.service.IdentityResolver;
import io.latchkey.application.service.LinkedIdentitiesService;
import io.latchkey.application.service.MfaRequirement;
import io.latchkey.domain.model.federation.FederationPolicy;
import io.latchkey.domain.model.federation.ProviderPolicy;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.ExternalIdentityVerifier;
import io.latchkey.domain.port.FederationStateCache;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.IdentityLinkRepository;
import io.latchkey.domain.port.OpaqueTokenGenerator;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Federated sign-in: provider presets resolved, the OpenID Connect client, and the flows' service. */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

    /**
     * Issuer and scopes of the well-known providers; {@code oidc} needs its issuer configured. {@code oauth} is set
     * for a plain OAuth 2.0 provider without ID tokens, whose endpoints the configuration may override.
     */
    private record Preset(@org.jspecify.annotations.Nullable URI issuer, List<String> scopes,
            @org.jspecify.annotations.Nullable OAuthEndpoints oauth) {

        Preset(@org.jspecify.annotations.Nullable URI issuer, List<String> scopes) {
            this(issuer, scopes, null);
        }
    }

    private static final Map<String, Preset> PRESETS = Map.of(
            "google", new Preset(URI.create("https://accounts.google.com"), List.of("openid", "email", "profile")),
            // Kakao shares the address only with the account_email consent, and may share an unverified one.
            "kakao", new Preset(URI.create("https://kauth.kakao.com"), List.of("openid", "account_email")),
            "oidc", new Preset(null, List.of("openid", "email", "profile")),
            // No ID token: the identity comes from the user and emails API, which user:email opens.
            "github", new Preset(URI.create("https://github.com"), List.of("read:user", "user:email"),
                    OAuthEndpoints.github()));

    @Bean
    FederationClientSettings federationClientSettings(FederationProperties properties) {
        Map<String, IdentityProviderSettings> providers = new LinkedHashMap<>();
        properties.providers().forEach((id, provider) -> {
            if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw invalid("latchkey.federation.providers." + id, "is not a lower-case slug",
                        "name the provider with lower-case letters, digits and '-' (it appears in URLs)");
            }
            Preset preset = PRESETS.get(provider.preset());
            if (preset == null) {
                throw invalid("latchkey.federation.providers." + id + ".preset", "is unknown",
                        "use one of " + PRESETS.keySet());
            }
            URI issuer = provider.issuer() != null ? provider.issuer() : preset.issuer();
            if (issuer == null) {
                throw invalid("latchkey.federation.providers." + id + ".issuer", "is missing",
                        "give the issuer of a generic OpenID Connect provider");
            }
            List<String> scopes = provider.scopes() != null ? provider.scopes() : preset.scopes();
            OAuthEndpoints oauth = preset.oauth() == null ? null : new OAuthEndpoints(
                    orDefault(provider.authorizationEndpoint(), preset.oauth().authorization()),
                    orDefault(provider.tokenEndpoint(), preset.oauth().token()),
                    orDefault(provider.userEndpoint(), preset.oauth().user()),
                    orDefault(provider.emailsEndpoint(), preset.oauth().emails()));
            if (oauth != null && !provider.nativeClientIds().isEmpty()) {
                throw invalid("latchkey.federation.providers." + id + ".native-client-ids", "is set",
                        "remove it: preset " + provider.preset() + " issues no ID tokens for a native app to present");
            }
            providers.put(id, new IdentityProviderSettings(id, issuer, provider.clientId(), provider.clientSecret(),
                    scopes, Set.copyOf(provider.nativeClientIds()), oauth));
        });
        return new FederationClientSettings(providers, properties.timeout(), properties.clockSkew(),
                properties.publicBaseUri());
    }

    private static URI orDefault(@org.jspecify.annotations.Nullable URI configured, URI preset) {
        return configured != null ? configured : preset;
    }

    private static InvalidSettingException invalid(String setting, String problem, String action) {
        String variable = setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        return new InvalidSettingException(setting, variable, problem, action, "README.md, \"Sign in with identity providers\"");
    }

    @Bean
    ExternalIdentityVerifier externalIdentityVerifier(FederationClientSettings settings, InstantSource clock) {
        return new RoutingExternalIdentityVerifier(settings, new OidcExternalIdentityVerifier(settings, clock),
                new GithubExternalIdentityVerifier(settings));
    }

    @Bean
    FederationPolicy federationPolicy(FederationProperties properties, RateLimitProperties limits) {
        Map<String, ProviderPolicy> providers = new LinkedHashMap<>();
        properties.providers().forEach((id, provider) -> providers.put(id,
                new ProviderPolicy(id, Set.copyOf(provider.redirectUris()), provider.autoLinkVerifiedEmail())));
        return new FederationPolicy(providers, properties.flowTtl(), properties.codeTtl(),
                limits.limit("federation-start-per-ip"), limits.limit("federation-token-per-ip"));
    }

    @Bean
    IdentityResolver identityResolver(UserRepository users, IdentityLinkRepository links, IdGenerator ids,
            OutboxWriter events, TransactionRunner transactions, AccountMail mail, InstantSource clock) {
        return new IdentityResolver(users, links, ids, events, transactions, mail, clock);
    }

    @Bean
    LinkedIdentitiesService linkedIdentitiesService(UserRepository users, IdentityLinkRepository links, IdGenerator ids,
            OutboxWriter events, TransactionRunner transactions, InstantSource clock) {
        return new LinkedIdentitiesService(users, links, ids, events, transactions, clock);
    }

    @Bean
    FederatedSignInService federatedSignInService(FederationPolicy policy, ExternalIdentityVerifier verifier,
            FederationStateCache state, OpaqueTokenGenerator tokens, IdentityResolver resolver, UserRepository users,
            MfaRequirement mfa, AttemptGate gate, InstantSource clock) {
        return new FederatedSignInService(policy, verifier, state, tokens, resolver, users, mfa, gate, clock);
    }
}
