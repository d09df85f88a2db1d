package io.latchkey.adapters.web.console;

import io.latchkey.application.usecase.DeleteUserCommand;
import io.latchkey.application.usecase.DeleteUserUseCase;
import io.latchkey.application.usecase.GetAccountStatisticsUseCase;
import io.latchkey.application.usecase.GetMfaStatusUseCase;
import io.latchkey.application.usecase.GetUserCommand;
import io.latchkey.application.usecase.GetUserUseCase;
import io.latchkey.application.usecase.ListAuditEventsQuery;
import io.latchkey.application.usecase.ListAuditEventsUseCase;
import io.latchkey.application.usecase.ListIdentitiesCommand;
import io.latchkey.application.usecase.ListIdentitiesUseCase;
import io.latchkey.application.usecase.ListSessionsCommand;
import io.latchkey.application.usecase.ListSessionsUseCase;
import io.latchkey.application.usecase.ListUsersCommand;
import io.latchkey.application.usecase.ListUsersUseCase;
import io.latchkey.application.usecase.ResetSecondFactorsCommand;
import io.latchkey.application.usecase.ResetSecondFactorsUseCase;
import io.latchkey.application.usecase.RevokeSessionCommand;
import io.latchkey.application.usecase.RevokeSessionUseCase;
import io.latchkey.application.usecase.RevokeUserSessionsCommand;
import io.latchkey.application.usecase.RevokeUserSessionsUseCase;
import io.latchkey.application.usecase.SessionSummary;
import io.latchkey.application.usecase.SetUserStatusCommand;
import io.latchkey.application.usecase.SetUserStatusUseCase;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.SessionNotFoundException;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.adapters.web.console.ConsoleViews.AuditRow;
import io.latchkey.adapters.web.console.ConsoleViews.IdentityRow;
import io.latchkey.adapters.web.console.ConsoleViews.SessionRow;
import io.latchkey.adapters.web.console.ConsoleViews.UserRow;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The console's pages and actions. Every change calls the same use case as the admin API, with the signed-in
 * administrator as the actor, so it is checked, recorded and published exactly as an API call is.
 */
// HTML pages, not part of the API: kept out of its OpenAPI description.
@Hidden
@Controller
@RequestMapping("/admin")
@ConditionalOnProperty(name = "latchkey.console.enabled", havingValue = "true")
class ConsoleController {

    static final int PAGE_SIZE = 20;
    static final int AUDIT_PAGE_SIZE = 50;
    static final int RECENT_AUDIT_EVENTS = 10;
    /** Results of an action, shown after its redirect; the query names a key, never the text shown. */
    private static final Map<String, String> NOTICES = Map.of(
            "disabled", "The account is disabled and every session ended.",
            "enabled", "The account is active again.",
            "session-revoked", "The session ended.",
            "sessions-revoked", "Every session of the account ended.",
            "factors-reset", "Every second factor was removed; the user was told by mail.",
            "deleted", "The account was deleted.",
            "own-account", "An administrator cannot disable or delete their own account here.",
            "session-gone", "That session had already ended.");

    private final ListUsersUseCase listUsers;
    private final GetUserUseCase getUser;
    private final ListSessionsUseCase listSessions;
    private final ListIdentitiesUseCase listIdentities;
    private final GetMfaStatusUseCase mfaStatus;
    private final SetUserStatusUseCase setStatus;
    private final RevokeSessionUseCase revokeSession;
    private final RevokeUserSessionsUseCase revokeSessions;
    private final ResetSecondFactorsUseCase resetFactors;
    private final DeleteUserUseCase delete;
    private final GetAccountStatisticsUseCase statistics;
    private final ConsoleMetrics metrics;
    private final ListAuditEventsUseCase audit;

    ConsoleController(ListUsersUseCase listUsers, GetUserUseCase getUser, ListSessionsUseCase listSessions,
            ListIdentitiesUseCase listIdentities, GetMfaStatusUseCase mfaStatus, SetUserStatusUseCase setStatus,
            RevokeSessionUseCase revokeSession, RevokeUserSessionsUseCase revokeSessions,
            ResetSecondFactorsUseCase resetFactors, DeleteUserUseCase delete, GetAccountStatisticsUseCase statistics,
            ConsoleMetrics metrics, ListAuditEventsUseCase audit) {
        this.listUsers = listUsers;
        this.getUser = getUser;
        this.listSessions = listSessions;
        this.listIdentities = listIdentities;
        this.mfaStatus = mfaStatus;
        this.setStatus = setStatus;
        this.revokeSession = revokeSession;
        this.revokeSessions = revokeSessions;
        this.resetFactors = resetFactors;
        this.delete = delete;
        this.statistics = statistics;
        this.metrics = metrics;
        this.audit = audit;
    }

    @GetMapping({"", "/"})
    Mono<Rendering> overview(ServerWebExchange exchange) {
        ConsoleCaller caller = caller(exchange);
        return statistics.statistics().map(stats -> page("admin/overview", caller, "overview")
                .modelAttribute("accounts", stats.accounts())
                .modelAttribute("liveSessions", stats.liveSessions())
                .modelAttribute("charts", metrics.charts())
                .build());
    }

    @GetMapping("/users")
    Mono<Rendering> users(ServerWebExchange exchange, @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String notice) {
        ConsoleCaller caller = caller(exchange);
        String q = query == null ? "" : query;
        return listUsers.list(new ListUsersCommand(q, page, PAGE_SIZE))
                .flatMap(found -> Flux.fromIterable(found.users())
                        .concatMap(user -> sessionsOf(user.id(), caller).map(sessions -> UserRow.of(user, sessions)))
                        .collectList()
                        .map(rows -> page("admin/users", caller, "users")
                                .modelAttribute("q", q)
                                .modelAttribute("rows", rows)
                                .modelAttribute("page", found.page())
                                .modelAttribute("total", found.total())
                                .modelAttribute("hasPrevious", found.page() > 0)
                                .modelAttribute("hasNext", (long) (found.page() + 1) * PAGE_SIZE < found.total())
                                .modelAttribute("notice", notice(notice))
                                .build()))
                .onErrorResume(InvalidInputException.class, e -> Mono.just(page("admin/users", caller, "users")
                        .modelAttribute("q", q).modelAttribute("rows", List.of()).modelAttribute("page", 0)
                        .modelAttribute("total", 0).modelAttribute("hasPrevious", false).modelAttribute("hasNext", false)
                        .modelAttribute("error", e.getMessage())
                        .status(HttpStatus.BAD_REQUEST).build()));
    }

    @GetMapping("/users/{id}")
    Mono<Rendering> user(ServerWebExchange exchange, @PathVariable String id,
            @RequestParam(required = false) @Nullable String notice) {
        ConsoleCaller caller = caller(exchange);
        return userId(id).flatMap(user -> userPage(caller, user, notice(notice), null, HttpStatus.OK))
                .onErrorResume(UserNotFoundException.class, e -> Mono.just(notFound(caller)));
    }

    /** The audit trail, newest first, filtered by account, type and time; paged by the use case's cursor. */
    @GetMapping("/audit")
    Mono<Rendering> audit(ServerWebExchange exchange, @RequestParam(name = "user", required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String cursor) {
        ConsoleCaller caller = caller(exchange);
        Rendering.Builder<?> view = page("admin/audit", caller, "audit")
                .modelAttribute("user", blankToEmpty(user)).modelAttribute("type", blankToEmpty(type))
                .modelAttribute("from", blankToEmpty(from)).modelAttribute("to", blankToEmpty(to))
                .modelAttribute("paged", cursor != null && !cursor.isBlank());
        return audit.list(new ListAuditEventsQuery(blankToNull(user), blankToNull(type), blankToNull(from),
                        blankToNull(to), blankToNull(cursor), AUDIT_PAGE_SIZE))
                .map(found -> {
                    view.modelAttribute("rows", found.entries().stream().map(AuditRow::of).toList());
                    if (found.nextCursor() != null) {
                        view.modelAttribute("next", UriComponentsBuilder.fromPath("/admin/audit")
                                .queryParam("user", blankToEmpty(user)).queryParam("type", blankToEmpty(type))
                                .queryParam("from", blankToEmpty(from)).queryParam("to", blankToEmpty(to))
                                .queryParam("cursor", found.nextCursor()).encode().build().toUriString());
                    }
                    return view.build();
                })
                .onErrorResume(InvalidInputException.class, e -> Mono.just(view.modelAttribute("rows", List.of())
                        .modelAttribute("error", e.getMessage()).status(HttpStatus.BAD_REQUEST).build()));
    }

    @PostMapping("/users/{id}/disable")
    Mono<Rendering> disable(ServerWebExchange exchange, @PathVariable String id) {
        ConsoleCaller caller = caller(exchange);
        return act(caller, id, "disabled",
                user -> setStatus.set(new SetUserStatusCommand(caller.userId(), user, UserStatus.DISABLED)));
    }

    @PostMapping("/users/{id}/enable")
    Mono<Rendering> enable(ServerWebExchange exchange, @PathVariable String id) {
        ConsoleCaller caller = caller(exchange);
        return act(caller, id, "enabled",
                user -> setStatus.set(new SetUserStatusCommand(caller.userId(), user, UserStatus.ACTIVE)));
    }

    @PostMapping("/users/{id}/sessions/{sessionId}/revoke")
    Mono<Rendering> revokeOne(ServerWebExchange exchange, @PathVariable String id, @PathVariable String sessionId) {
        ConsoleCaller caller = caller(exchange);
        return act(caller, id, "session-revoked", user -> Mono.fromCallable(() -> SessionId.parse(sessionId))
                .onErrorMap(IllegalArgumentException.class, e -> new SessionNotFoundException())
                .flatMap(session -> revokeSession.revokeSession(RevokeSessionCommand.byAdministrator(user, session))));
    }

    @PostMapping("/users/{id}/sessions/revoke-all")
    Mono<Rendering> revokeAll(ServerWebExchange exchange, @PathVariable String id) {
        ConsoleCaller caller = caller(exchange);
        return act(caller, id, "sessions-revoked", user -> revokeSessions.revoke(new RevokeUserSessionsCommand(user)));
    }

    @PostMapping("/users/{id}/factors/reset")
    Mono<Rendering> resetFactors(ServerWebExchange exchange, @PathVariable String id) {
        ConsoleCaller caller = caller(exchange);
        return act(caller, id, "factors-reset",
                user -> resetFactors.reset(new ResetSecondFactorsCommand(caller.userId(), user)));
    }

    /** Deletes only when the typed confirmation is the account's email; otherwise nothing changes (400). */
    @PostMapping("/users/{id}/delete")
    Mono<Rendering> delete(ServerWebExchange exchange, @PathVariable String id) {
        ConsoleCaller caller = caller(exchange);
        return exchange.getFormData().flatMap(form -> userId(id)
                .flatMap(user -> getUser.get(new GetUserCommand(user)).flatMap(account -> {
                    String typed = form.getFirst("confirm_email");
                    if (typed == null || !typed.strip().equals(account.email().value())) {
                        return userPage(caller, user, null,
                                "The confirmation does not match the account's email; nothing was deleted.",
                                HttpStatus.BAD_REQUEST);
                    }
                    return delete.delete(new DeleteUserCommand(caller.userId(), user))
                            .thenReturn(Rendering.redirectTo("/admin/users?notice=deleted").build())
                            .onErrorResume(InvalidInputException.class,
                                    e -> Mono.just(redirectToUser(id, "own-account")));
                }))
                .onErrorResume(UserNotFoundException.class, e -> Mono.just(notFound(caller))));
    }

    private Mono<Rendering> act(ConsoleCaller caller, String id, String notice, Function<UserId, Mono<Void>> action) {
        return userId(id)
                .flatMap(user -> action.apply(user).thenReturn(redirectToUser(id, notice)))
                .onErrorResume(InvalidInputException.class, e -> Mono.just(redirectToUser(id, "own-account")))
                .onErrorResume(SessionNotFoundException.class, e -> Mono.just(redirectToUser(id, "session-gone")))
                .onErrorResume(UserNotFoundException.class, e -> Mono.just(notFound(caller)));
    }

    private Mono<Rendering> userPage(ConsoleCaller caller, UserId id, @Nullable String notice, @Nullable String error,
            HttpStatus status) {
        ListAuditEventsQuery recent = new ListAuditEventsQuery(id.value().toString(), null, null, null, null,
                RECENT_AUDIT_EVENTS);
        return getUser.get(new GetUserCommand(id)).flatMap(user -> Mono.zip(sessionsOf(id, caller),
                        listIdentities.listIdentities(new ListIdentitiesCommand(id)), mfaStatus.status(id),
                        audit.list(recent))
                .map(parts -> {
                    Rendering.Builder<?> view = page("admin/user", caller, "users")
                            .modelAttribute("user", UserRow.of(user, parts.getT1()))
                            .modelAttribute("active", user.status() == UserStatus.ACTIVE)
                            .modelAttribute("self", user.id().equals(caller.userId()))
                            .modelAttribute("sessions", parts.getT1().stream().map(SessionRow::of).toList())
                            .modelAttribute("identities", parts.getT2().stream().map(IdentityRow::of).toList())
                            .modelAttribute("totp", parts.getT3().totp())
                            .modelAttribute("recoveryCodes", parts.getT3().recoveryCodesRemaining())
                            .modelAttribute("events", parts.getT4().entries().stream().map(AuditRow::of).toList())
                            .modelAttribute("firstName", user.name().first() == null ? "" : user.name().first())
                            .modelAttribute("lastName", user.name().last() == null ? "" : user.name().last())
                            .status(status);
                    if (notice != null) {
                        view.modelAttribute("notice", notice);
                    }
                    if (error != null) {
                        view.modelAttribute("error", error);
                    }
                    return view.build();
                }));
    }

    private Mono<List<SessionSummary>> sessionsOf(UserId user, ConsoleCaller caller) {
        // "current" marks the administrator's own console session when they look at their own account.
        return listSessions.listSessions(new ListSessionsCommand(user, caller.sessionId()));
    }

    private static Rendering.Builder<?> page(String view, ConsoleCaller caller, String section) {
        return Rendering.view(view).modelAttribute("csrf", caller.csrfToken()).modelAttribute("section", section);
    }

    private static Rendering notFound(ConsoleCaller caller) {
        return page("admin/not-found", caller, "users").status(HttpStatus.NOT_FOUND).build();
    }

    private static Rendering redirectToUser(String id, String notice) {
        return Rendering.redirectTo(UriComponentsBuilder.fromPath("/admin/users/{id}").queryParam("notice", notice)
                .buildAndExpand(id).encode().toUriString()).build();
    }

    private static @Nullable String notice(@Nullable String key) {
        return key == null ? null : NOTICES.get(key);
    }

    private static Mono<UserId> userId(String id) {
        return Mono.fromCallable(() -> UserId.parse(id))
                .onErrorMap(IllegalArgumentException.class, e -> new UserNotFoundException());
    }

    private static ConsoleCaller caller(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(ConsoleSessionFilter.CALLER);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
