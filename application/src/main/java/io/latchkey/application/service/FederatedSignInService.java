package io.latchkey.application.service;

import io.latchkey.application.usecase.CompleteFederatedSignInCommand;
import io.latchkey.application.usecase.CompleteFederatedSignInUseCase;
import io.latchkey.application.usecase.RedeemFederatedCodeCommand;
import io.latchkey.application.usecase.RedeemFederatedCodeUseCase;
import io.latchkey.application.usecase.SignInWithIdTokenCommand;
import io.latchkey.application.usecase.SignInWithIdTokenUseCase;
import io.latchkey.application.usecase.StartFederatedSignInCommand;
import io.latchkey.application.usecase.StartFederatedSignInUseCase;
import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.federation.CodeChallenge;
import io.latchkey.domain.model.federation.FederatedGrant;
import io.latchkey.domain.model.federation.FederationPolicy;
import io.latchkey.domain.model.federation.PendingAuthorization;
import io.latchkey.domain.model.federation.ProviderPolicy;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.ExternalIdentityVerifier;
import io.latchkey.domain.port.FederationStateCache;
import io.latchkey.domain.port.OpaqueTokenGenerator;
import io.latchkey.domain.port.UserRepository;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The federated sign-in flows. Browser: the app's redirect URI and S256 challenge are checked before anything is
 * stored or anyone redirected; state, nonce and Latchkey's PKCE verifier wait in the cache for the provider's
 * return, single use; the validated identity resolves to an account ({@link IdentityResolver}); the app gets a
 * one-time code bound to its challenge, redeemed for the token pair. Native: a validated ID token goes straight to a
 * session. Sessions are opened as {@code fed} with the provider's id, through {@link MfaRequirement}: an account
 * with a second factor gets an MFA challenge instead of tokens, as after a password.
 */
public final class FederatedSignInService implements StartFederatedSignInUseCase, CompleteFederatedSignInUseCase,
        RedeemFederatedCodeUseCase, SignInWithIdTokenUseCase {

    /**
     * How long a used native ID token is remembered: longer than the verifier accepts one after its {@code iat}
     * (10 minutes plus the clock skew), so a replay is refused for as long as the token could still pass.
     */
    static final Duration ID_TOKEN_REPLAY_WINDOW = Duration.ofMinutes(15);

    private final FederationPolicy policy;
    private final ExternalIdentityVerifier verifier;
    private final FederationStateCache state;
    private final OpaqueTokenGenerator tokens;
    private final IdentityResolver resolver;
    private final UserRepository users;
    private final MfaRequirement mfa;
    private final AttemptGate gate;
    private final InstantSource clock;

    public FederatedSignInService(FederationPolicy policy, ExternalIdentityVerifier verifier, FederationStateCache state,
            OpaqueTokenGenerator tokens, IdentityResolver resolver, UserRepository users, MfaRequirement mfa,
            AttemptGate gate, InstantSource clock) {
        this.policy = policy;
        this.verifier = verifier;
        this.state = state;
        this.tokens = tokens;
        this.resolver = resolver;
        this.users = users;
        this.mfa = mfa;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public Mono<URI> start(StartFederatedSignInCommand command) {
        return Mono.defer(() -> {
            ProviderPolicy provider = provider(command.provider());
            if (command.redirectUri() == null || !provider.allowsRedirect(command.redirectUri())) {
                return Mono.error(new FederationException(AuthErrorCode.REDIRECT_URI_NOT_ALLOWED));
            }
            InputViolations input = new InputViolations();
            input.required(command.codeChallengeMethod(), "code_challenge_method", method -> {
                if (!"S256".equals(method)) {
                    throw new InvalidInputException(new FieldViolation("code_challenge_method", "must be S256"));
                }
                return method;
            });
            CodeChallenge challenge = input.required(command.codeChallenge(), "code_challenge", raw -> {
                try {
                    return new CodeChallenge(raw);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(new FieldViolation("code_challenge", e.getMessage()));
                }
            });
            if (command.appState() != null && command.appState().length() > 512) {
                input.optional(command.appState(), raw -> {
                    throw new InvalidInputException(new FieldViolation("state", "must be at most 512 characters"));
                });
            }
            input.throwIfAny();
            String flowState = tokens.newToken();
            String nonce = tokens.newToken();
            String providerVerifier = tokens.newToken();
            PendingAuthorization pending = new PendingAuthorization(provider.id(), command.redirectUri(), challenge,
                    command.appState(), nonce, providerVerifier, command.linkingUser());
            return gate.admit(AttemptGate.check(policy.startPerIp(), command.clientIp()))
                    .then(verifier.authorizationUri(provider.id(), command.callback(), flowState, nonce,
                            CodeChallenge.of(providerVerifier).value()))
                    .flatMap(uri -> state.savePending(flowState, pending, policy.flowTtl()).thenReturn(uri));
        });
    }

    @Override
    public Mono<URI> complete(CompleteFederatedSignInCommand command) {
        return Mono.defer(() -> {
            provider(command.provider());
            if (command.state() == null || command.state().isBlank()) {
                return Mono.error(new FederationException(AuthErrorCode.FEDERATION_REJECTED));
            }
            return state.takePending(command.state())
                    .filter(pending -> pending.provider().equals(command.provider()))
                    .switchIfEmpty(Mono.error(() -> new FederationException(AuthErrorCode.FEDERATION_REJECTED)))
                    .flatMap(pending -> finish(pending, command)
                            .onErrorResume(AuthException.class, error -> Mono.just(appRedirect(pending,
                                    Map.of("error", error.code().slug())))));
        });
    }

    private Mono<URI> finish(PendingAuthorization pending, CompleteFederatedSignInCommand command) {
        if (command.error() != null || command.code() == null || command.code().isBlank()) {
            return Mono.error(new FederationException(AuthErrorCode.FEDERATION_REJECTED));
        }
        ProviderPolicy provider = provider(pending.provider());
        return verifier.redeem(provider.id(), command.callback(), command.code(), pending.providerCodeVerifier(),
                        pending.nonce())
                .flatMap(identity -> {
                    if (pending.linkingUser() != null) {
                        return resolver.link(pending.linkingUser(), identity)
                                .thenReturn(appRedirect(pending, Map.of("linked", provider.id())));
                    }
                    var authTime = clock.instant();
                    return resolver.resolve(identity, provider).flatMap(user -> {
                        String code = tokens.newToken();
                        return state.saveGrant(code, new FederatedGrant(user.id(), user.authEpoch(), provider.id(),
                                        authTime, pending.appChallenge()), policy.codeTtl())
                                .thenReturn(appRedirect(pending, Map.of("code", code)));
                    });
                });
    }

    @Override
    public Mono<TokenPair> redeem(RedeemFederatedCodeCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            String code = input.required(command.code(), "code", raw -> raw);
            String codeVerifier = input.required(command.codeVerifier(), "code_verifier", raw -> raw);
            input.throwIfAny();
            return gate.admit(AttemptGate.check(policy.tokenPerIp(), command.client().ipAddress()))
                    // Taken before the verifier is checked: a wrong guess burns the code, so it cannot be retried.
                    .then(state.takeGrant(code))
                    .filter(grant -> grant.appChallenge().matches(codeVerifier))
                    .switchIfEmpty(Mono.error(() -> new FederationException(AuthErrorCode.FEDERATION_REJECTED)))
                    .flatMap(grant -> users.findById(grant.userId())
                            // A logout-all or password reset between callback and redeem voids the code.
                            .filter(user -> user.authEpoch() == grant.authEpoch())
                            .switchIfEmpty(Mono.error(() -> new FederationException(AuthErrorCode.FEDERATION_REJECTED)))
                            .flatMap(user -> open(user, grant.provider(), grant.authTime(), command.client())));
        });
    }

    @Override
    public Mono<TokenPair> signIn(SignInWithIdTokenCommand command) {
        return Mono.defer(() -> {
            ProviderPolicy provider = provider(command.provider());
            InputViolations input = new InputViolations();
            String idToken = input.required(command.idToken(), "id_token", raw -> raw);
            String nonce = input.required(command.nonce(), "nonce", raw -> raw);
            input.throwIfAny();
            return gate.admit(AttemptGate.check(policy.tokenPerIp(), command.client().ipAddress()))
                    .then(verifier.verifyIdToken(provider.id(), idToken, nonce))
                    // The caller picks the nonce, so it proves nothing about freshness: each token opens one session.
                    .flatMap(identity -> state.claimIdToken(idToken, ID_TOKEN_REPLAY_WINDOW)
                            .filter(Boolean::booleanValue)
                            .switchIfEmpty(Mono.error(() -> new FederationException(AuthErrorCode.FEDERATION_REJECTED)))
                            .thenReturn(identity))
                    .flatMap(identity -> resolver.resolve(identity, provider))
                    .flatMap(user -> open(user, provider.id(), clock.instant(), command.client()));
        });
    }

    /** The provider is the first factor; an account with a second factor must still present it. */
    private Mono<TokenPair> open(User user, String provider, java.time.Instant authTime, ClientInfo client) {
        return mfa.signIn(user, SessionAuthentication.federated(provider, authTime), client, null);
    }

    private ProviderPolicy provider(String id) {
        return policy.provider(id).orElseThrow(() -> new FederationException(AuthErrorCode.UNKNOWN_IDENTITY_PROVIDER));
    }

    private static URI appRedirect(PendingAuthorization pending, Map<String, String> result) {
        Map<String, String> parameters = new LinkedHashMap<>(result);
        if (pending.appState() != null) {
            parameters.put("state", pending.appState());
        }
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + '=' + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = pending.redirectUri();
        return URI.create(base + (base.contains("?") ? '&' : '?') + query);
    }

}
