package io.latchkey.adapters.web;

import io.latchkey.application.usecase.SignInWithPasskeyCommand;
import io.latchkey.application.usecase.SignInWithPasskeyUseCase;
import io.latchkey.application.usecase.StartPasskeyAssertionCommand;
import io.latchkey.application.usecase.StartPasskeyAssertionUseCase;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.token.TokenPair;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signing in with a passkey: passwordless (options with no account, then the assertion of a discoverable credential,
 * which must verify its user) and the options for a passkey as the second factor of a login that answered
 * {@code mfa_required}. Options are never cached: each carries a fresh single-use challenge.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "passkeys", description = "Passkeys (WebAuthn): registration, passwordless sign-in, second factor")
class PasskeySignInController {

    private final StartPasskeyAssertionUseCase start;
    private final SignInWithPasskeyUseCase signIn;
    private final RefreshTokenCookies cookies;
    private final AuthOutcomes outcomes;
    private final ClientAddresses clients;
    private final DeviceCookies devices;

    PasskeySignInController(StartPasskeyAssertionUseCase start, SignInWithPasskeyUseCase signIn,
            RefreshTokenCookies cookies, AuthOutcomes outcomes, ClientAddresses clients, DeviceCookies devices) {
        this.start = start;
        this.signIn = signIn;
        this.cookies = cookies;
        this.outcomes = outcomes;
        this.clients = clients;
        this.devices = devices;
    }

    @Operation(operationId = "passkeySignInOptions", summary = "Options for a passwordless sign-in with a passkey")
    @ApiResponse(responseCode = "200", description = "PublicKeyCredentialRequestOptionsJSON with a single-use challenge, "
            + "no allowCredentials (a discoverable credential is chosen by the user) and userVerification required")
    @PostMapping(path = "/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PasskeyRequestOptionsResponse>> signInOptions(ServerWebExchange exchange) {
        return start.start(new StartPasskeyAssertionCommand(PasskeyPurpose.PASSWORDLESS, null, null, clientOf(exchange)))
                .map(PasskeySignInController::options);
    }

    @Operation(operationId = "passkeySignIn", summary = "Sign in with a passkey (passwordless)")
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token, as from login; amr is "
            + "hwk (device-bound passkey) or swk (synced passkey)")
    @PostMapping(path = "/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> signIn(@RequestBody PasskeySignInRequest request, ServerWebExchange exchange) {
        if (request.credential() == null) {
            return Mono.error(new InvalidInputException(new FieldViolation("credential", "is required")));
        }
        return Mono.fromCallable(() -> request.credential().toAssertion("credential"))
                .flatMap(assertion -> outcomes.login(signIn.signIn(new SignInWithPasskeyCommand(assertion,
                        clientOf(exchange)))))
                .map(result -> {
                    devices.write(result.deviceToken(), exchange);
                    return tokens(result.tokens(), exchange);
                });
    }

    @Operation(operationId = "mfaPasskeyOptions", summary = "Options for a passkey as the second factor of a login")
    @ApiResponse(responseCode = "200", description = "PublicKeyCredentialRequestOptionsJSON listing the account's "
            + "passkeys; answer it through POST /api/v1/auth/mfa with mfa_token and passkey. Counts one attempt at the "
            + "MFA token")
    @PostMapping(path = "/mfa/passkey-options", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PasskeyRequestOptionsResponse>> mfaOptions(@RequestBody MfaPasskeyOptionsRequest request,
            ServerWebExchange exchange) {
        return start.start(new StartPasskeyAssertionCommand(PasskeyPurpose.SECOND_FACTOR, null, request.mfaToken(),
                        clientOf(exchange)))
                .map(PasskeySignInController::options);
    }

    static ResponseEntity<PasskeyRequestOptionsResponse> options(io.latchkey.domain.model.passkey.PasskeyOptions options) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PasskeyRequestOptionsResponse.from(options));
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
