package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ConfirmEmailVerificationUseCase;
import io.latchkey.application.usecase.RegisterAccountUseCase;
import io.latchkey.application.usecase.RequestEmailVerificationUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Registration and email verification. Registration and resend answer 202 with the same body whether or not
 * the address has an account, so neither can be used to find accounts.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "Registration and email verification")
class AccountController {

    static final AcceptedResponse REGISTERED = new AcceptedResponse(
            "If this address can be registered, a verification code is on its way to it.");
    static final AcceptedResponse CODE_SENT = new AcceptedResponse(
            "If this address belongs to an unverified account, a new verification code is on its way to it.");

    private final RegisterAccountUseCase register;
    private final RequestEmailVerificationUseCase requestVerification;
    private final ConfirmEmailVerificationUseCase confirmVerification;
    private final ClientAddresses clients;

    AccountController(RegisterAccountUseCase register, RequestEmailVerificationUseCase requestVerification,
            ConfirmEmailVerificationUseCase confirmVerification, ClientAddresses clients) {
        this.register = register;
        this.requestVerification = requestVerification;
        this.confirmVerification = confirmVerification;
        this.clients = clients;
    }

    @Operation(operationId = "register", summary = "Register an account; a verification code is mailed")
    @ApiResponse(responseCode = "202", description = "The same answer whether or not the address already has an account")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AcceptedResponse>> register(@RequestBody RegisterRequest request, ServerWebExchange exchange) {
        return register.register(request.toCommand(clients.of(exchange)))
                .then(Mono.fromSupplier(() -> ResponseEntity.accepted().body(REGISTERED)));
    }

    @Operation(operationId = "requestEmailVerification", summary = "Mail a new verification code")
    @ApiResponse(responseCode = "202", description = "The same answer for every address")
    @PostMapping(path = "/email-verification", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AcceptedResponse>> requestVerification(@RequestBody EmailRequest request,
            ServerWebExchange exchange) {
        return requestVerification.request(request.toVerificationCommand(clients.of(exchange)))
                .then(Mono.fromSupplier(() -> ResponseEntity.accepted().body(CODE_SENT)));
    }

    @Operation(operationId = "confirmEmailVerification", summary = "Confirm the address with the mailed code")
    @ApiResponse(responseCode = "204", description = "The address is verified")
    @PostMapping(path = "/email-verification/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> confirmVerification(@RequestBody ConfirmVerificationRequest request,
            ServerWebExchange exchange) {
        return confirmVerification.confirm(request.toCommand(clients.of(exchange)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
