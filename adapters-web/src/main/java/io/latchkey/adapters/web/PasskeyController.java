package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.WebAuthn4jPasskeyVerifier;
import io.latchkey.application.usecase.ListPasskeysUseCase;
import io.latchkey.application.usecase.PasskeyCallerCommand;
import io.latchkey.application.usecase.RegisterPasskeyCommand;
import io.latchkey.application.usecase.RegisterPasskeyUseCase;
import io.latchkey.application.usecase.RemovePasskeyCommand;
import io.latchkey.application.usecase.RemovePasskeyUseCase;
import io.latchkey.application.usecase.RenamePasskeyCommand;
import io.latchkey.application.usecase.RenamePasskeyUseCase;
import io.latchkey.application.usecase.StartPasskeyAssertionCommand;
import io.latchkey.application.usecase.StartPasskeyAssertionUseCase;
import io.latchkey.application.usecase.StartPasskeyRegistrationUseCase;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.session.ClientInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The caller's passkeys, and passkey options for a step-up. Registering and removing a passkey need a recent
 * authentication (and the second factor once there is one): else 401 {@code step-up-required}.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "passkeys", description = "Passkeys (WebAuthn): registration, passwordless sign-in, second factor")
class PasskeyController {

    private final StartPasskeyRegistrationUseCase startRegistration;
    private final RegisterPasskeyUseCase register;
    private final ListPasskeysUseCase list;
    private final RenamePasskeyUseCase rename;
    private final RemovePasskeyUseCase remove;
    private final StartPasskeyAssertionUseCase startAssertion;
    private final ClientAddresses clients;

    PasskeyController(StartPasskeyRegistrationUseCase startRegistration, RegisterPasskeyUseCase register,
            ListPasskeysUseCase list, RenamePasskeyUseCase rename, RemovePasskeyUseCase remove,
            StartPasskeyAssertionUseCase startAssertion, ClientAddresses clients) {
        this.startRegistration = startRegistration;
        this.register = register;
        this.list = list;
        this.rename = rename;
        this.remove = remove;
        this.startAssertion = startAssertion;
        this.clients = clients;
    }

    @Operation(operationId = "passkeyRegistrationOptions", summary = "Options to register a passkey (step-up required)")
    @ApiResponse(responseCode = "200", description = "PublicKeyCredentialCreationOptionsJSON with a single-use challenge; "
            + "the account's passkeys are in excludeCredentials")
    @PostMapping(path = "/passkeys/registration-options", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PasskeyCreationOptionsResponse>> registrationOptions(
            @AuthenticationPrincipal AuthenticatedCaller caller) {
        return startRegistration.start(new PasskeyCallerCommand(caller.userId(), caller.sessionId()))
                .map(options -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(PasskeyCreationOptionsResponse.from(options, WebAuthn4jPasskeyVerifier.algorithms())));
    }

    @Operation(operationId = "registerPasskey", summary = "Register a passkey (step-up required)")
    @ApiResponse(responseCode = "201", description = "The new passkey; the account now has a second factor "
            + "(user.passkey_added)")
    @PostMapping(path = "/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PasskeyResponse>> register(@AuthenticationPrincipal AuthenticatedCaller caller,
            @RequestBody PasskeyRegistrationRequest request) {
        if (request.credential() == null) {
            return Mono.error(new InvalidInputException(new FieldViolation("credential", "is required")));
        }
        return Mono.fromCallable(() -> request.credential().toRegistration("credential"))
                .flatMap(registration -> register.register(new RegisterPasskeyCommand(caller.userId(),
                        caller.sessionId(), request.name(), registration)))
                .map(passkey -> ResponseEntity.status(HttpStatus.CREATED).body(PasskeyResponse.from(passkey)));
    }

    @Operation(operationId = "listPasskeys", summary = "The caller's passkeys")
    @ApiResponse(responseCode = "200", description = "Oldest first")
    @GetMapping(path = "/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<PasskeyResponse>> list(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return list.list(caller.userId()).map(PasskeyResponse::from).collectList();
    }

    @Operation(operationId = "renamePasskey", summary = "Rename one of the caller's passkeys")
    @ApiResponse(responseCode = "200", description = "The renamed passkey")
    @PatchMapping(path = "/passkeys/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PasskeyResponse> rename(@AuthenticationPrincipal AuthenticatedCaller caller, @PathVariable UUID id,
            @RequestBody(required = false) PasskeyRenameRequest request) {
        return rename.rename(new RenamePasskeyCommand(caller.userId(), id, request == null ? null : request.name()))
                .map(PasskeyResponse::from);
    }

    @Operation(operationId = "removePasskey", summary = "Remove one of the caller's passkeys (step-up required)")
    @ApiResponse(responseCode = "204", description = "The passkey no longer signs in (user.passkey_removed)")
    @DeleteMapping("/passkeys/{id}")
    Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal AuthenticatedCaller caller, @PathVariable UUID id) {
        return remove.remove(new RemovePasskeyCommand(caller.userId(), caller.sessionId(), id))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Operation(operationId = "stepUpPasskeyOptions", summary = "Options for a step-up with a passkey")
    @ApiResponse(responseCode = "200", description = "PublicKeyCredentialRequestOptionsJSON listing the caller's "
            + "passkeys; answer it through POST /api/v1/me/step-up with passkey")
    @PostMapping(path = "/step-up/passkey-options", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PasskeyRequestOptionsResponse>> stepUpOptions(@AuthenticationPrincipal AuthenticatedCaller caller,
            ServerWebExchange exchange) {
        ClientInfo client = new ClientInfo(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                clients.of(exchange));
        return startAssertion.start(new StartPasskeyAssertionCommand(PasskeyPurpose.STEP_UP, caller.userId(), null, client))
                .map(PasskeySignInController::options);
    }
}
