package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.adapters.web.federation.FederationClientSettings;
import io.latchkey.application.usecase.CompleteFederatedSignInCommand;
import io.latchkey.application.usecase.CompleteFederatedSignInUseCase;
import io.latchkey.application.usecase.RedeemFederatedCodeCommand;
import io.latchkey.application.usecase.RedeemFederatedCodeUseCase;
import io.latchkey.application.usecase.SignInWithIdTokenCommand;
import io.latchkey.application.usecase.SignInWithIdTokenUseCase;
import io.latchkey.application.usecase.StartFederatedSignInCommand;
import io.latchkey.application.usecase.StartFederatedSignInUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.token.TokenPair;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Sign-in through external identity providers (OpenID Connect): the browser flow (authorize, the provider's
 * callback, redeeming the one-time code) and native apps' ID tokens. Tokens never travel in a URL.
 */
@RestController
@RequestMapping("/api/v1/auth/federation")
@Tag(name = "federation", description = "Sign-in with external identity providers (OpenID Connect)")
class FederationController {

    private final StartFederatedSignInUseCase start;
    private final CompleteFederatedSignInUseCase complete;
    private final RedeemFederatedCodeUseCase redeem;
    private final SignInWithIdTokenUseCase idToken;
    private final FederationClientSettings settings;
    private final RefreshTokenCookies cookies;
    private final ClientAddresses clients;

    FederationController(StartFederatedSignInUseCase start, CompleteFederatedSignInUseCase complete,
            RedeemFederatedCodeUseCase redeem, SignInWithIdTokenUseCase idToken, FederationClientSettings settings,
            RefreshTokenCookies cookies, ClientAddresses clients) {
        this.start = start;
        this.complete = complete;
        this.redeem = redeem;
        this.idToken = idToken;
        this.settings = settings;
        this.cookies = cookies;
        this.clients = clients;
    }

    @Operation(operationId = "federationAuthorize", summary = "Start a sign-in (or, with a bearer token, a link) at an identity provider",
            description = "Redirects to the provider with state, nonce and PKCE (S256). The redirect_uri must be one "
                    + "registered for the provider, exactly; otherwise the answer is problem+json, never a redirect. "
                    + "With a valid bearer token the provider is linked to the caller's account instead.")
    @ApiResponse(responseCode = "302", description = "To the provider's authorization endpoint")
    @GetMapping("/{provider}/authorize")
    Mono<ResponseEntity<Void>> authorize(@PathVariable String provider,
            @Parameter(description = "The app's URI to return to; exact match") @RequestParam(name = "redirect_uri", required = false) @Nullable String redirectUri,
            @RequestParam(name = "code_challenge", required = false) @Nullable String codeChallenge,
            @RequestParam(name = "code_challenge_method", required = false) @Nullable String codeChallengeMethod,
            @Parameter(description = "Opaque app value handed back with the result") @RequestParam(name = "state", required = false) @Nullable String state,
            @Parameter(hidden = true) @AuthenticationPrincipal @Nullable AuthenticatedCaller caller,
            ServerWebExchange exchange) {
        return start.start(new StartFederatedSignInCommand(provider, redirectUri, codeChallenge, codeChallengeMethod,
                        state, callback(provider, exchange), clients.of(exchange), caller == null ? null : caller.userId()))
                .map(FederationController::found);
    }

    @Operation(operationId = "federationCallback", summary = "Where the identity provider returns the browser",
            description = "Redirects to the app's redirect_uri with a one-time code (60 s, single use, bound to the "
                    + "app's code_challenge) or with error=<problem slug>, plus the app's state. An unknown, expired "
                    + "or reused state answers problem+json.")
    @ApiResponse(responseCode = "302", description = "To the app's redirect_uri")
    @GetMapping("/{provider}/callback")
    Mono<ResponseEntity<Void>> callback(@PathVariable String provider,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "error", required = false) @Nullable String error, ServerWebExchange exchange) {
        return complete.complete(new CompleteFederatedSignInCommand(provider, state, code, error,
                        callback(provider, exchange)))
                .map(FederationController::found);
    }

    /** Body of the one-time code exchange. */
    record CodeRequest(@JsonProperty("code") @Nullable String code,
            @JsonProperty("code_verifier") @Nullable String codeVerifier) {
    }

    @Operation(operationId = "federationToken", summary = "Redeem a one-time federation code for the token pair",
            description = "The code from the callback redirect and the PKCE verifier of the app's code_challenge. "
                    + "A wrong verifier burns the code.")
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token (the latter in a cookie in cookie mode)")
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> token(@RequestBody CodeRequest request, ServerWebExchange exchange) {
        return redeem.redeem(new RedeemFederatedCodeCommand(request.code(), request.codeVerifier(), clientOf(exchange)))
                .map(pair -> tokens(pair, exchange));
    }

    /** Body of the native sign-in. */
    record IdTokenRequest(@JsonProperty("id_token") @Nullable String idToken, @JsonProperty("nonce") @Nullable String nonce) {
    }

    @Operation(operationId = "federationIdToken", summary = "Sign in with an ID token a native app obtained",
            description = "The ID token is validated against the provider's keys, with the provider's configured "
                    + "client ids as audiences, and must carry the nonce given here.")
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token")
    @PostMapping(path = "/{provider}/id-token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> idToken(@PathVariable String provider, @RequestBody IdTokenRequest request,
            ServerWebExchange exchange) {
        return idToken.signIn(new SignInWithIdTokenCommand(provider, request.idToken(), request.nonce(), clientOf(exchange)))
                .map(pair -> tokens(pair, exchange));
    }

    private URI callback(String provider, ServerWebExchange exchange) {
        URI base = settings.publicBaseUri() != null ? settings.publicBaseUri() : exchange.getRequest().getURI();
        return UriComponentsBuilder.fromUri(base).replacePath("/api/v1/auth/federation/{provider}/callback")
                .replaceQuery(null).fragment(null).buildAndExpand(provider).encode().toUri();
    }

    private static ResponseEntity<Void> found(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(location).cacheControl(CacheControl.noStore()).build();
    }

    private ResponseEntity<TokenResponse> tokens(TokenPair pair, ServerWebExchange exchange) {
        boolean inCookie = cookies.write(pair.refreshToken(), exchange);
        TokenResponse body = inCookie ? TokenResponse.withoutRefreshToken(pair) : TokenResponse.from(pair);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache").body(body);
    }

    private ClientInfo clientOf(ServerWebExchange exchange) {
        return new ClientInfo(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT), clients.of(exchange));
    }
}
