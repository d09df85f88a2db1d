package io.latchkey.adapters.web;

import io.latchkey.application.usecase.DeleteUserCommand;
import io.latchkey.application.usecase.DeleteUserUseCase;
import io.latchkey.application.usecase.ListUsersCommand;
import io.latchkey.application.usecase.ListUsersUseCase;
import io.latchkey.application.usecase.ResetSecondFactorsCommand;
import io.latchkey.application.usecase.ResetSecondFactorsUseCase;
import io.latchkey.application.usecase.RevokeUserSessionsCommand;
import io.latchkey.application.usecase.RevokeUserSessionsUseCase;
import io.latchkey.application.usecase.SetUserStatusCommand;
import io.latchkey.application.usecase.SetUserStatusUseCase;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Account administration; the security chain admits only callers whose account has the ADMIN role. */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "admin", description = "Account administration (role ADMIN)")
class AdminUsersController {

    private final ListUsersUseCase list;
    private final SetUserStatusUseCase setStatus;
    private final RevokeUserSessionsUseCase revokeSessions;
    private final DeleteUserUseCase delete;
    private final ResetSecondFactorsUseCase resetMfa;

    AdminUsersController(ListUsersUseCase list, SetUserStatusUseCase setStatus, RevokeUserSessionsUseCase revokeSessions,
            DeleteUserUseCase delete, ResetSecondFactorsUseCase resetMfa) {
        this.resetMfa = resetMfa;
        this.list = list;
        this.setStatus = setStatus;
        this.revokeSessions = revokeSessions;
        this.delete = delete;
    }

    /** Oldest first; {@code q} matches any part of the email. */
    @Operation(operationId = "listUsers", summary = "List accounts, oldest first")
    @ApiResponse(responseCode = "200", description = "One page of accounts")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<UserPageResponse> list(@RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return list.list(new ListUsersCommand(query, page, size)).map(UserPageResponse::from);
    }

    /** Disabled accounts cannot log in, and their access tokens stop working on their next request. */
    @Operation(operationId = "disableUser", summary = "Disable an account; its tokens stop working")
    @ApiResponse(responseCode = "204", description = "The account is disabled")
    @PostMapping("/{id}/disable")
    Mono<ResponseEntity<Void>> disable(@AuthenticationPrincipal AuthenticatedCaller admin, @PathVariable String id) {
        return onUser(id, user -> setStatus.set(new SetUserStatusCommand(admin.userId(), user, UserStatus.DISABLED)));
    }

    @Operation(operationId = "enableUser", summary = "Enable an account")
    @ApiResponse(responseCode = "204", description = "The account is active")
    @PostMapping("/{id}/enable")
    Mono<ResponseEntity<Void>> enable(@AuthenticationPrincipal AuthenticatedCaller admin, @PathVariable String id) {
        return onUser(id, user -> setStatus.set(new SetUserStatusCommand(admin.userId(), user, UserStatus.ACTIVE)));
    }

    @Operation(operationId = "revokeUserSessions", summary = "End every session of an account")
    @ApiResponse(responseCode = "204", description = "Every session ended")
    @DeleteMapping("/{id}/sessions")
    Mono<ResponseEntity<Void>> revokeSessions(@PathVariable String id) {
        return onUser(id, user -> revokeSessions.revoke(new RevokeUserSessionsCommand(user)));
    }

    /** An administrator cannot disable or delete their own account here (400), only another's. */
    @Operation(operationId = "deleteUser", summary = "Delete an account")
    @ApiResponse(responseCode = "204", description = "The account is gone")
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal AuthenticatedCaller admin, @PathVariable String id) {
        return onUser(id, user -> delete.delete(new DeleteUserCommand(admin.userId(), user)));
    }

    /** For a user who lost their authenticator and recovery codes; they are told by mail. */
    @Operation(operationId = "resetUserMfa", summary = "Remove every second factor of an account")
    @ApiResponse(responseCode = "204", description = "The account signs in with its password alone until it enrols again; "
            + "user.mfa_disabled names the administrator (actor_id)")
    @DeleteMapping("/{id}/mfa")
    Mono<ResponseEntity<Void>> resetMfa(@AuthenticationPrincipal AuthenticatedCaller admin, @PathVariable String id) {
        return onUser(id, user -> resetMfa.reset(new ResetSecondFactorsCommand(admin.userId(), user)));
    }

    private static Mono<ResponseEntity<Void>> onUser(String id, Function<UserId, Mono<Void>> action) {
        return Mono.fromCallable(() -> UserId.parse(id))
                .onErrorMap(IllegalArgumentException.class, e -> new UserNotFoundException())
                .flatMap(action)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
