package io.latchkey.adapters.web;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
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
class AuthController {

    private final LoginUseCase login;
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
            AuthOutcomes outcomes, ClientAddresses clients, DeviceCookies devices) {
        this.login = login;
        this.refresh = refresh;
        this.logout = logout;
        this.logoutAll = logoutAll;
        this.authenticate = authenticate;
        this.cookies = cookies;
        this.outcomes = outcomes;
        this.clients = clients;
        this.devices = devices;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
        return outcomes.login(login.login(request.toCommand(clientOf(exchange), devices.deviceToken(exchange))))
                .map(result -> {
                    devices.write(result.deviceToken(), exchange);
                    return tokens(result.tokens(), exchange);
                });
    }

    /** The refresh token comes in the JSON body, or (cookie mode) in the refresh cookie with a CSRF header. */
    @PostMapping(path = "/refresh", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> refresh(@RequestBody(required = false) RefreshRequest request,
            ServerWebExchange exchange) {
        String fromBody = request == null ? null : request.refreshToken();
        return outcomes.refresh(cookies.refreshToken(fromBody, exchange)
                        .flatMap(token -> refresh.refresh(new RefreshTokensCommand(token, clients.of(exchange)))))
                .map(pair -> tokens(pair, exchange));
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal AuthenticatedCaller caller, ServerWebExchange exchange) {
        return logout.logout(new LogoutCommand(caller.userId(), caller.sessionId()))
                .then(Mono.fromSupplier(() -> {
                    cookies.clear(exchange);
                    return ResponseEntity.noContent().<Void>build();
                }));
    }

    @PostMapping("/logout-all")
    Mono<ResponseEntity<Void>> logoutAll(@AuthenticationPrincipal AuthenticatedCaller caller, ServerWebExchange exchange) {
        return logoutAll.logoutAll(new LogoutAllSessionsCommand(caller.userId()))
                .then(Mono.fromSupplier(() -> {
                    cookies.clear(exchange);
                    return ResponseEntity.noContent().<Void>build();
                }));
    }

    /** Like SimpleJWT's verify, but the session must also still be alive: 200 {} or 401. */
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
