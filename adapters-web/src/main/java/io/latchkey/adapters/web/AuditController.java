package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ListAuditEventsQuery;
import io.latchkey.application.usecase.ListAuditEventsUseCase;
import io.latchkey.application.usecase.ListMyActivityQuery;
import io.latchkey.application.usecase.ListMyActivityUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail: a user's own security activity, and the whole trail for administrators (the security chain
 * admits only ADMIN callers under /api/v1/admin). Both page by cursor, newest first.
 */
@RestController
@Tag(name = "audit", description = "Security activity and the audit trail")
class AuditController {

    private final ListMyActivityUseCase myActivity;
    private final ListAuditEventsUseCase auditEvents;

    AuditController(ListMyActivityUseCase myActivity, ListAuditEventsUseCase auditEvents) {
        this.myActivity = myActivity;
        this.auditEvents = auditEvents;
    }

    @Operation(operationId = "listMyActivity", summary = "The caller's own recent security activity, newest first",
            description = "Sign-ins (with user agent and address), failed sign-ins at the caller's address, password, "
                    + "factor, identity and profile changes, and ended sessions. Pass next_cursor back as cursor for "
                    + "the next page; entries older than latchkey.audit.retention are gone. A change an administrator made "
                    + "has actor_id \"administrator\" and no ip_address or user_agent.")
    @ApiResponse(responseCode = "200", description = "One page of the caller's activity")
    @GetMapping(path = "/api/v1/me/activity", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuditPageResponse> myActivity(@AuthenticationPrincipal AuthenticatedCaller caller,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        return myActivity.list(new ListMyActivityQuery(caller.userId(), cursor, size))
                .map(page -> AuditPageResponse.forOwner(page, caller.userId()));
    }

    @Operation(operationId = "listAuditEvents", summary = "The audit trail, newest first (role ADMIN)",
            description = "Every event published on the stream, failed logins (an address without an account appears "
                    + "as detail.address_digest, a keyed digest) and lockouts, with the request's address and user "
                    + "agent and, for an administrator's action, actor_id. Filters combine; paging is by cursor.")
    @ApiResponse(responseCode = "200", description = "One page of audit entries")
    @GetMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuditPageResponse> audit(
            @Parameter(description = "Only entries about this account id") @RequestParam(name = "user", required = false) @Nullable String user,
            @Parameter(description = "Only this type, e.g. session.started, login.failed") @RequestParam(required = false) @Nullable String type,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "ISO-8601 instant, exclusive; after from") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int size) {
        return auditEvents.list(new ListAuditEventsQuery(user, type, from, to, cursor, size)).map(AuditPageResponse::from);
    }
}
