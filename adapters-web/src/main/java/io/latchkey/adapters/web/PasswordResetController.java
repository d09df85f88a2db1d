package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ConfirmPasswordResetUseCase;
import io.latchkey.application.usecase.RequestPasswordResetUseCase;
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

/** Forgotten passwords: a single-use token by mail, then a new password with it. */
@RestController
@RequestMapping("/api/v1/password-reset")
@Tag(name = "password-reset", description = "Forgotten passwords")
class PasswordResetController {

    static final AcceptedResponse RESET_SENT = new AcceptedResponse(
            "If this address belongs to an account, a password-reset mail is on its way to it.");

    private final RequestPasswordResetUseCase requestReset;
    private final ConfirmPasswordResetUseCase confirmReset;
    private final ClientAddresses clients;

    PasswordResetController(RequestPasswordResetUseCase requestReset, ConfirmPasswordResetUseCase confirmReset,
            ClientAddresses clients) {
        this.requestReset = requestReset;
        this.confirmReset = confirmReset;
        this.clients = clients;
    }

    /** Always 202 with the same body, whether or not the address has an account. */
    @Operation(operationId = "requestPasswordReset", summary = "Mail a single-use password-reset token")
    @ApiResponse(responseCode = "202", description = "The same answer for every address")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AcceptedResponse>> request(@RequestBody EmailRequest request, ServerWebExchange exchange) {
        return requestReset.request(request.toResetCommand(clients.of(exchange)))
                .then(Mono.fromSupplier(() -> ResponseEntity.accepted().body(RESET_SENT)));
    }

    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the mailed token; every session ends")
    @ApiResponse(responseCode = "204", description = "The password is changed")
    @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> confirm(@RequestBody ConfirmResetRequest request, ServerWebExchange exchange) {
        return confirmReset.confirm(request.toCommand(clients.of(exchange)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
