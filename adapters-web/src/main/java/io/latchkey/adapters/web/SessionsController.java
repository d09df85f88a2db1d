package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ListSessionsCommand;
import io.latchkey.application.usecase.ListSessionsUseCase;
import io.latchkey.application.usecase.RevokeSessionCommand;
import io.latchkey.application.usecase.RevokeSessionUseCase;
import io.latchkey.domain.error.SessionNotFoundException;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.session.SessionId;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's device list, and ending one session from another device. */
@RestController
@RequestMapping("/api/v1/me/sessions")
@Tag(name = "me", description = "The caller's own account")
class SessionsController {

    private final ListSessionsUseCase list;
    private final RevokeSessionUseCase revoke;

    SessionsController(ListSessionsUseCase list, RevokeSessionUseCase revoke) {
        this.list = list;
        this.revoke = revoke;
    }

    @Operation(operationId = "listSessions", summary = "The caller's sessions (devices)")
    @ApiResponse(responseCode = "200", description = "The sessions, the current one marked")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<SessionResponse>> sessions(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return list.listSessions(new ListSessionsCommand(caller.userId(), caller.sessionId()))
                .map(summaries -> summaries.stream().map(SessionResponse::from).toList());
    }

    @Operation(operationId = "revokeSession", summary = "End one of the caller's sessions")
    @ApiResponse(responseCode = "204", description = "The session ended")
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal AuthenticatedCaller caller, @PathVariable String id) {
        return Mono.fromCallable(() -> SessionId.parse(id))
                .onErrorMap(IllegalArgumentException.class, e -> new SessionNotFoundException())
                .flatMap(sessionId -> revoke.revokeSession(new RevokeSessionCommand(caller.userId(), sessionId)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
