package io.latchkey.adapters.web;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.application.usecase.CompleteMfaChallengeUseCase;
import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.application.usecase.LogoutAllSessionsCommand;
import io.latchkey.application.usecase.LogoutAllSessionsUseCase;
import io.latchkey.application.usecase.LogoutCommand;
import io.latchkey.application.usecase.LogoutUseCase;
import io.latchkey.application.usecase.RefreshTokensCommand;
import io.latchkey.application.usecase.RefreshTokensUseCase;
import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.token.TokenPair;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Login, refresh, logout and token verification. Token responses are never cached (RFC 6749 §5.1). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Tokens: login (with its MFA step), refresh, logout, verify")
class AuthController {

    private final LoginUseCase login;
    private final CompleteMfaChallengeUseCase completeMfa;
    private final RefreshTokensUseCase refresh;
    private final LogoutUseCase logout;
    private final LogoutAllSessionsUseCase logoutAll;
    private final AuthenticateUseCase authenticate;
    private final RefreshTokenCookies cookies;
    private final AuthOutcomes outcomes;
    private final ClientAddresses clients;
    private final DeviceCookies devices;

    AuthController(LoginUseCase login, RefreshTokensUseCase refresh, LogoutUseCase logout,
            LogoutAllSessionsUseCase logoutAll, AuthenticateUseCase authenticate, RefreshTokenCookies cookies,
            AuthOutcomes outcomes, ClientAddresses clients, DeviceCookies devices, CompleteMfaChallengeUseCase completeMfa) {
        this.login = login;
        this.completeMfa = completeMfa;
        this.refresh = refresh;
        this.logout = logout;
        this.logoutAll = logoutAll;
        this.authenticate = authenticate;
        this.cookies = cookies;
        this.outcomes = outcomes;
        this.clients = clients;
        this.devices = devices;
    }

    @Operation(operationId = "login", summary = "Log in with email and password")
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token (the latter in a cookie in cookie mode)")
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
        return outcomes.login(login.login(request.toCommand(clientOf(exchange), devices.deviceToken(exchange))))
                .map(result -> {
                    devices.write(result.deviceToken(), exchange);
                    return tokens(result.tokens(), exchange);
                });
    }

    /** The second step of a login that answered mfa-required; the answer is the login's. */
    @Operation(operationId = "completeMfa", summary = "Complete a login with its MFA token and a TOTP or recovery code")
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token, as from login")
    @PostMapping(path = "/mfa", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> completeMfa(@RequestBody MfaCompletionRequest request, ServerWebExchange exchange) {
        return outcomes.login(completeMfa.complete(request.toCommand(clientOf(exchange))))
                .map(result -> {
                    devices.write(result.deviceToken(), exchange);
                    return tokens(result.tokens(), exchange);
                });
    }

    /** The refresh token comes in the JSON body, or (cookie mode) in the refresh cookie with a CSRF header. */
    @Operation(operationId = "refresh", summary = "Rotate the refresh token for a new pair")
    @ApiResponse(responseCode = "200", description = "A new access token and refresh token")
    @PostMapping(path = "/refresh", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> refresh(@RequestBody(required = false) RefreshRequest request,
            ServerWebExchange exchange) {
        String fromBody = request == null ? null : request.refreshToken();
        return outcomes.refresh(cookies.refreshToken(fromBody, exchange)
                        .flatMap(token -> refresh.refresh(new RefreshTokensCommand(token, clients.of(exchange)))))
                .map(pair -> tokens(pair, exchange));
    }

    @Operation(operationId = "logout", summary = "End this session")
    @ApiResponse(responseCode = "204", description = "The session's access and refresh tokens stop working at once")
    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal AuthenticatedCaller caller, ServerWebExchange exchange) {
        return logout.logout(new LogoutCommand(caller.userId(), caller.sessionId()))
                .then(Mono.fromSupplier(() -> {
                    cookies.clear(exchange);
                    return ResponseEntity.noContent().<Void>build();
                }));
    }

    @Operation(operationId = "logoutAll", summary = "End every session of the caller")
    @ApiResponse(responseCode = "204", description = "Every session ended")
    @PostMapping("/logout-all")
    Mono<ResponseEntity<Void>> logoutAll(@AuthenticationPrincipal AuthenticatedCaller caller, ServerWebExchange exchange) {
        return logoutAll.logoutAll(new LogoutAllSessionsCommand(caller.userId()))
                .then(Mono.fromSupplier(() -> {
                    cookies.clear(exchange);
                    return ResponseEntity.noContent().<Void>build();
                }));
    }

    /** Like SimpleJWT's verify, but the session must also still be alive: 200 {} or 401. */
    @Operation(operationId = "verifyToken", summary = "Check an access token and its session")
    @ApiResponse(responseCode = "200", description = "The token is valid and its session live: {}")
    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> verify(@RequestBody VerifyRequest request) {
        if (request.token() == null || request.token().isBlank()) {
            return Mono.error(new InvalidAccessTokenException());
        }
        return authenticate.authenticate(new AuthenticateCommand(request.token())).thenReturn(Map.of());
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
