package io.latchkey.adapters.web.console;

import io.latchkey.domain.model.auth.AuthenticatedCaller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import io.latchkey.application.usecase.GetUserCommand;
import io.latchkey.application.usecase.GetUserUseCase;
import io.latchkey.application.usecase.ListSessionsCommand;
import io.latchkey.application.usecase.ListSessionsUseCase;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.console.ConsoleSession;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The console's gate, on every {@code /admin} request: finds the console session of the cookie, refuses an unsafe
 * method whose synchronizer token does not match the session's (403, before any handler runs), and admits a page
 * only when the session is signed in, its Latchkey session is still live and the account still active with the
 * ADMIN role, all checked against the record on every request; otherwise the console session ends and the browser
 * is sent to the sign-in page.
 */
final class ConsoleSessionFilter implements WebFilter {

    static final String SESSION = ConsoleSessionFilter.class.getName() + ".session";
    static final String CALLER = ConsoleSessionFilter.class.getName() + ".caller";
    static final String LOGIN = "/admin/login";

    private final ConsoleSessions sessions;
    private final ListSessionsUseCase listSessions;
    private final GetUserUseCase getUser;

    ConsoleSessionFilter(ConsoleSessions sessions, ListSessionsUseCase listSessions, GetUserUseCase getUser) {
        this.sessions = sessions;
        this.listSessions = listSessions;
        this.getUser = getUser;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/admin/assets/")) {
            return chain.filter(exchange);
        }
        boolean open = path.equals(LOGIN) || path.equals(LOGIN + "/mfa");
        return sessions.current(exchange).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        if (!safe(exchange.getRequest().getMethod())) {
                            return forbidden(exchange);
                        }
                        return open ? chain.filter(exchange) : toLogin(exchange);
                    }
                    ConsoleSession session = found.get();
                    return csrfChecked(exchange, session).flatMap(ok -> {
                        if (!ok) {
                            return forbidden(exchange);
                        }
                        exchange.getAttributes().put(SESSION, session);
                        if (open) {
                            return chain.filter(exchange);
                        }
                        if (!session.isSignedIn()) {
                            return toLogin(exchange);
                        }
                        return admitted(session).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(admin -> {
                            if (admin.isEmpty()) {
                                return sessions.end(exchange).then(toLogin(exchange));
                            }
                            exchange.getAttributes().put(CALLER,
                                    ConsoleCaller.of(Objects.requireNonNull(ConsoleSessions.idOf(exchange)), session));
                            // The admin as the caller, so RequestOriginFilter names them as the actor in the audit.
                            return chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withSecurityContext(
                                    Mono.just(new SecurityContextImpl(callerOf(admin.get(), session)))));
                        });
                    });
                })
                .onErrorResume(DependencyUnavailableException.class, e -> unavailable(exchange));
    }

    /** The account, when the Latchkey session behind the console session is live and it is an active administrator. */
    private Mono<User> admitted(ConsoleSession session) {
        var user = Objects.requireNonNull(session.userId());
        var sid = Objects.requireNonNull(session.sessionId());
        Mono<User> administrator = getUser.get(new GetUserCommand(user))
                .filter(account -> account.status() == UserStatus.ACTIVE && account.roles().contains(User.ROLE_ADMIN))
                .onErrorResume(UserNotFoundException.class, e -> Mono.empty());
        Mono<Boolean> live = listSessions.listSessions(new ListSessionsCommand(user, sid))
                .map(list -> list.stream().anyMatch(s -> s.id().equals(sid)));
        return administrator.filterWhen(account -> live);
    }

    private static Authentication callerOf(User account, ConsoleSession session) {
        AuthenticatedCaller caller = new AuthenticatedCaller(account.id(), Objects.requireNonNull(session.sessionId()),
                account.roles(), account.emailVerified());
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    private static Mono<Boolean> csrfChecked(ServerWebExchange exchange, ConsoleSession session) {
        if (safe(exchange.getRequest().getMethod())) {
            return Mono.just(true);
        }
        String header = exchange.getRequest().getHeaders().getFirst(ConsoleSessions.CSRF_HEADER);
        if (header != null) {
            return Mono.just(ConsoleSessions.csrfMatches(session, header));
        }
        return exchange.getFormData()
                .map(form -> ConsoleSessions.csrfMatches(session, form.getFirst(ConsoleSessions.CSRF_FIELD)))
                .defaultIfEmpty(false);
    }

    private static boolean safe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    static Mono<Void> toLogin(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (exchange.getRequest().getHeaders().containsHeader("HX-Request")) {
            // htmx follows this header itself; a 303 would be followed by XHR and swapped into the page.
            response.setStatusCode(HttpStatus.NO_CONTENT);
            response.getHeaders().set("HX-Redirect", LOGIN);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.SEE_OTHER);
        response.getHeaders().setLocation(URI.create(LOGIN));
        return response.setComplete();
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange) {
        return page(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "This form was not sent by a page of this console session (its CSRF token is missing or wrong). "
                        + "Nothing was changed. Go back, reload the page and try again.");
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return page(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "A store the console needs did not answer; nothing was changed. Try again in a moment.");
    }

    /** A bare page written without the template engine, for answers given before any handler. */
    private static Mono<Void> page(ServerWebExchange exchange, HttpStatus status, String title, String text) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " · Latchkey console</title><link rel=\"stylesheet\" href=\"/admin/assets/console.css\"></head><body>"
                + "<main class=\"narrow\"><h1>" + title + "</h1><p id=\"error\">" + text
                + "</p><p><a href=\"/admin\">Back to the console</a></p></main></body></html>";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
    }
}
