package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ChangePasswordUseCase;
import io.latchkey.application.usecase.DeleteAccountCommand;
import io.latchkey.application.usecase.DeleteAccountUseCase;
import io.latchkey.application.usecase.GetProfileCommand;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.application.usecase.UpdateProfileUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The authenticated caller's own account: read it, rename it, change its password, delete it. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "The caller's own account")
class MeController {

    private final GetProfileUseCase profiles;
    private final UpdateProfileUseCase updateProfile;
    private final ChangePasswordUseCase changePassword;
    private final DeleteAccountUseCase deleteAccount;
    private final RefreshTokenCookies cookies;

    MeController(GetProfileUseCase profiles, UpdateProfileUseCase updateProfile, ChangePasswordUseCase changePassword,
            DeleteAccountUseCase deleteAccount, RefreshTokenCookies cookies) {
        this.profiles = profiles;
        this.updateProfile = updateProfile;
        this.changePassword = changePassword;
        this.deleteAccount = deleteAccount;
        this.cookies = cookies;
    }

    @Operation(operationId = "getProfile", summary = "The caller's profile")
    @ApiResponse(responseCode = "200", description = "The profile")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProfileResponse> me(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return profiles.getProfile(new GetProfileCommand(caller.userId())).map(ProfileResponse::from);
    }

    /** A field left out (or null) stays as it is; an empty string clears it. */
    @Operation(operationId = "updateProfile", summary = "Change the caller's name")
    @ApiResponse(responseCode = "200", description = "The updated profile")
    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProfileResponse> update(@AuthenticationPrincipal AuthenticatedCaller caller,
            @RequestBody UpdateProfileRequest request) {
        return updateProfile.update(request.toCommand(caller.userId())).map(ProfileResponse::from);
    }

    @Operation(operationId = "changePassword", summary = "Change the password; other sessions end unless revoke_other_sessions is false")
    @ApiResponse(responseCode = "204", description = "The password is changed")
    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> changePassword(@AuthenticationPrincipal AuthenticatedCaller caller,
            @RequestBody ChangePasswordRequest request) {
        return changePassword.change(request.toCommand(caller.userId(), caller.sessionId()))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    /** The current password confirms it; the account, its sessions and its personal data are gone afterwards. */
    @Operation(operationId = "deleteAccount", summary = "Delete the caller's account, confirmed with the password")
    @ApiResponse(responseCode = "204", description = "The account and all its data are gone")
    @DeleteMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal AuthenticatedCaller caller,
            @RequestBody PasswordConfirmation request, ServerWebExchange exchange) {
        return deleteAccount.delete(new DeleteAccountCommand(caller.userId(), caller.sessionId(), request.password()))
                .then(Mono.fromSupplier(() -> {
                    cookies.clear(exchange);
                    return ResponseEntity.noContent().<Void>build();
                }));
    }
}
