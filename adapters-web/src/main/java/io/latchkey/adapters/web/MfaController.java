package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ConfirmTotpUseCase;
import io.latchkey.application.usecase.DisableTotpUseCase;
import io.latchkey.application.usecase.EnrolTotpCommand;
import io.latchkey.application.usecase.EnrolTotpUseCase;
import io.latchkey.application.usecase.GetMfaStatusUseCase;
import io.latchkey.application.usecase.MfaCallerCommand;
import io.latchkey.application.usecase.RegenerateRecoveryCodesUseCase;
import io.latchkey.application.usecase.StepUpUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's second factors and step-up. Starting a TOTP enrolment, disabling it and regenerating recovery codes
 * need a recent authentication (and the second factor once there is one): else 401 {@code step-up-required}.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "mfa", description = "Second factors (TOTP, recovery codes) and step-up re-authentication")
class MfaController {

    private final GetMfaStatusUseCase status;
    private final EnrolTotpUseCase enrol;
    private final ConfirmTotpUseCase confirm;
    private final DisableTotpUseCase disable;
    private final RegenerateRecoveryCodesUseCase regenerate;
    private final StepUpUseCase stepUp;

    MfaController(GetMfaStatusUseCase status, EnrolTotpUseCase enrol, ConfirmTotpUseCase confirm,
            DisableTotpUseCase disable, RegenerateRecoveryCodesUseCase regenerate, StepUpUseCase stepUp) {
        this.status = status;
        this.enrol = enrol;
        this.confirm = confirm;
        this.disable = disable;
        this.regenerate = regenerate;
        this.stepUp = stepUp;
    }

    @Operation(operationId = "getMfaStatus", summary = "The caller's second factors")
    @ApiResponse(responseCode = "200", description = "TOTP state and unused recovery codes")
    @GetMapping(path = "/mfa", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<MfaStatusResponse> status(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return status.status(caller.userId()).map(MfaStatusResponse::from);
    }

    /** Pending until confirmed; a new enrolment replaces a pending one. */
    @Operation(operationId = "enrolTotp", summary = "Start a TOTP enrolment (step-up required)")
    @ApiResponse(responseCode = "201", description = "The secret, its otpauth:// URI and a QR code of it (SVG)")
    @PostMapping(path = "/mfa/totp", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TotpEnrolmentResponse>> enrol(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return enrol.enrol(new EnrolTotpCommand(caller.userId(), caller.sessionId()))
                .map(enrolment -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                        .body(TotpEnrolmentResponse.from(enrolment)));
    }

    @Operation(operationId = "confirmTotp", summary = "Activate the pending TOTP factor with a current code")
    @ApiResponse(responseCode = "200", description = "TOTP is active; ten recovery codes, shown only now. Every other "
            + "session of the account is revoked (reason mfa_enabled); this one stays")
    @PostMapping(path = "/mfa/totp/confirm", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<RecoveryCodesResponse>> confirm(@AuthenticationPrincipal AuthenticatedCaller caller,
            @RequestBody CodeRequest request) {
        return confirm.confirm(new MfaCallerCommand(caller.userId(), caller.sessionId(), request.code()))
                .map(codes -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(RecoveryCodesResponse.from(codes)));
    }

    @Operation(operationId = "disableTotp", summary = "Remove TOTP and the recovery codes (step-up with the second factor)")
    @ApiResponse(responseCode = "204", description = "Sign-in needs the password alone again, unless the "
            + "account has a passkey")
    @DeleteMapping("/mfa/totp")
    Mono<ResponseEntity<Void>> disable(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return disable.disable(new MfaCallerCommand(caller.userId(), caller.sessionId(), null))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Operation(operationId = "regenerateRecoveryCodes", summary = "New recovery codes; the old ones stop working (step-up)")
    @ApiResponse(responseCode = "200", description = "Ten new recovery codes, shown only now")
    @PostMapping(path = "/mfa/recovery-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<RecoveryCodesResponse>> regenerate(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return regenerate.regenerate(new MfaCallerCommand(caller.userId(), caller.sessionId(), null))
                .map(codes -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(RecoveryCodesResponse.from(codes)));
    }

    /**
     * With a second factor: {@code code} or {@code recovery_code} (and optionally {@code password}); without: the
     * {@code password}. The session's auth_time and amr change; the refresh token stays.
     */
    @Operation(operationId = "stepUp", summary = "Re-authenticate within the current session")
    @ApiResponse(responseCode = "200", description = "A new access token with the new amr and auth_time")
    @PostMapping(path = "/step-up", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AccessTokenResponse>> stepUp(@AuthenticationPrincipal AuthenticatedCaller caller,
            @RequestBody StepUpRequest request) {
        return stepUp.stepUp(request.toCommand(caller.userId(), caller.sessionId()))
                .map(token -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AccessTokenResponse.from(token)));
    }
}
