package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ListIdentitiesCommand;
import io.latchkey.application.usecase.ListIdentitiesUseCase;
import io.latchkey.application.usecase.UnlinkIdentityCommand;
import io.latchkey.application.usecase.UnlinkIdentityUseCase;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's linked identities, and an administrator's view of an account's. Linking is the browser flow of
 * {@code /api/v1/auth/federation/{provider}/authorize} started with the caller's bearer token.
 */
@RestController
@Tag(name = "federation", description = "Sign-in with external identity providers (OpenID Connect)")
class IdentitiesController {

    private final ListIdentitiesUseCase list;
    private final UnlinkIdentityUseCase unlink;

    IdentitiesController(ListIdentitiesUseCase list, UnlinkIdentityUseCase unlink) {
        this.list = list;
        this.unlink = unlink;
    }

    @Operation(operationId = "listIdentities", summary = "The external identities linked to the caller's account")
    @ApiResponse(responseCode = "200", description = "Provider, subject, shared email and link time of each")
    @GetMapping(path = "/api/v1/me/identities", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<IdentityResponse>> mine(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return list.listIdentities(new ListIdentitiesCommand(caller.userId()))
                .map(identities -> identities.stream().map(IdentityResponse::from).toList());
    }

    @Operation(operationId = "unlinkIdentity", summary = "Unlink a provider from the caller's account")
    @ApiResponse(responseCode = "204", description = "Unlinked; the provider no longer signs in to this account")
    @DeleteMapping("/api/v1/me/identities/{provider}")
    Mono<ResponseEntity<Void>> unlink(@AuthenticationPrincipal AuthenticatedCaller caller, @PathVariable String provider) {
        return unlink.unlink(new UnlinkIdentityCommand(caller.userId(), provider))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Operation(operationId = "listUserIdentities", summary = "The external identities linked to an account (role ADMIN)",
            tags = "admin")
    @ApiResponse(responseCode = "200", description = "Provider, subject, shared email and link time of each")
    @GetMapping(path = "/api/v1/admin/users/{id}/identities", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<IdentityResponse>> ofUser(@PathVariable String id) {
        return Mono.fromCallable(() -> UserId.parse(id))
                .onErrorMap(IllegalArgumentException.class, e -> new UserNotFoundException())
                .flatMap(user -> list.listIdentities(new ListIdentitiesCommand(user)))
                .map(identities -> identities.stream().map(IdentityResponse::from).toList());
    }
}
