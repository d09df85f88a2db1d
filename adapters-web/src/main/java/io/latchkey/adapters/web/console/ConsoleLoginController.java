package io.latchkey.adapters.web.console;

import io.latchkey.adapters.web.security.ClientAddressSource;
import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.application.usecase.CompleteMfaChallengeCommand;
import io.latchkey.application.usecase.CompleteMfaChallengeUseCase;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LoginResult;
import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.application.usecase.LogoutCommand;
import io.latchkey.application.usecase.LogoutUseCase;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.InvalidMfaTokenException;
import io.latchkey.domain.error.InvalidSecondFactorException;
import io.latchkey.domain.error.MfaRequiredException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.model.console.ConsoleSession;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.user.User;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sign-in and sign-out. The password goes through the login use case and the second factor, when the account has
 * one, through the MFA use case, exactly as for the API; the console session is then bound to the Latchkey session
 * that opened, and is refused (and that session ended) unless the account has the ADMIN role.
 */
// HTML pages, not part of the API: kept out of its OpenAPI description.
@Hidden
@Controller
@RequestMapping("/admin")
@ConditionalOnProperty(name = "latchkey.console.enabled", havingValue = "true")
class ConsoleLoginController {

    private final ConsoleSessions sessions;
    private final LoginUseCase login;
    private final CompleteMfaChallengeUseCase completeMfa;
    private final AuthenticateUseCase authenticate;
    private final LogoutUseCase logout;
    private final ClientAddressSource addresses;

    ConsoleLoginController(ConsoleSessions sessions, LoginUseCase login, CompleteMfaChallengeUseCase completeMfa,
            AuthenticateUseCase authenticate, LogoutUseCase logout, ObjectProvider<ClientAddressSource> addresses) {
        this.sessions = sessions;
        this.login = login;
        this.completeMfa = completeMfa;
        this.authenticate = authenticate;
        this.logout = logout;
        this.addresses = addresses.getIfAvailable(ClientAddressSource::remotePeer);
    }

    @GetMapping("/login")
    Mono<Rendering> loginPage(ServerWebExchange exchange) {
        ConsoleSession current = exchange.getAttribute(ConsoleSessionFilter.SESSION);
        if (current != null && current.isSignedIn()) {
            return Mono.just(Rendering.redirectTo("/admin").build());
        }
        return anonymous(exchange).map(csrf -> loginView(csrf, null, HttpStatus.OK));
    }

    @PostMapping("/login")
    Mono<Rendering> signIn(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> login
                .login(new LoginCommand(form.getFirst("email"), form.getFirst("password"), client(exchange)))
                .flatMap(result -> finish(exchange, result))
                .onErrorResume(MfaRequiredException.class, mfa -> {
                    String csrf = sessions.token();
                    return sessions.start(exchange, ConsoleSession.awaitingSecondFactor(csrf, mfa.mfaToken()))
                            .thenReturn(mfaView(csrf, null, HttpStatus.OK));
                })
                .onErrorResume(AuthException.class, e -> refused(exchange, e)));
    }

    @PostMapping("/login/mfa")
    Mono<Rendering> secondFactor(ServerWebExchange exchange) {
        ConsoleSession current = exchange.getAttribute(ConsoleSessionFilter.SESSION);
        if (current == null || current.mfaToken() == null) {
            return Mono.just(Rendering.redirectTo("/admin/login").build());
        }
        return exchange.getFormData().flatMap(form -> completeMfa
                .complete(new CompleteMfaChallengeCommand(current.mfaToken(), blankToNull(form, "code"),
                        blankToNull(form, "recovery_code"), null, client(exchange)))
                .flatMap(result -> finish(exchange, result))
                .onErrorResume(InvalidSecondFactorException.class, e -> Mono.just(mfaView(current.csrfToken(),
                        "That code is not right. Try again, or use a recovery code.", HttpStatus.UNAUTHORIZED)))
                .onErrorResume(InvalidMfaTokenException.class, e -> anonymous(exchange).map(csrf -> loginView(csrf,
                        "The sign-in took too long. Start again.", HttpStatus.UNAUTHORIZED)))
                .onErrorResume(AuthException.class, e -> refused(exchange, e)));
    }

    @PostMapping("/logout")
    Mono<Rendering> signOut(ServerWebExchange exchange) {
        ConsoleCaller caller = exchange.getRequiredAttribute(ConsoleSessionFilter.CALLER);
        return logout.logout(new LogoutCommand(caller.userId(), caller.sessionId()))
                .then(sessions.end(exchange))
                .thenReturn(Rendering.redirectTo("/admin/login").build());
    }

    /** Signed in: only an administrator keeps the session; anyone else's is ended at once. */
    private Mono<Rendering> finish(ServerWebExchange exchange, LoginResult result) {
        return authenticate.authenticate(new AuthenticateCommand(result.tokens().accessToken().encoded()))
                .flatMap(caller -> {
                    if (!caller.roles().contains(User.ROLE_ADMIN)) {
                        return logout.logout(new LogoutCommand(caller.userId(), caller.sessionId()))
                                .then(anonymous(exchange))
                                .map(csrf -> loginView(csrf, "This account is not an administrator.", HttpStatus.FORBIDDEN));
                    }
                    return sessions.start(exchange, ConsoleSession.signedIn(sessions.token(), caller.userId(),
                            caller.sessionId())).thenReturn(Rendering.redirectTo("/admin").build());
                });
    }

    private Mono<Rendering> refused(ServerWebExchange exchange, AuthException e) {
        String message;
        HttpStatus status;
        if (e instanceof RateLimitedException) {
            message = "Too many attempts. Wait a while before trying again.";
            status = HttpStatus.TOO_MANY_REQUESTS;
        } else if (e instanceof UserDisabledException) {
            message = "This account is disabled.";
            status = HttpStatus.FORBIDDEN;
        } else {
            message = "Wrong email or password.";
            status = HttpStatus.UNAUTHORIZED;
        }
        return anonymous(exchange).map(csrf -> loginView(csrf, message, status));
    }

    /** A fresh anonymous session (new id, new CSRF token) for the sign-in form. */
    private Mono<String> anonymous(ServerWebExchange exchange) {
        String csrf = sessions.token();
        return sessions.start(exchange, ConsoleSession.anonymous(csrf)).thenReturn(csrf);
    }

    private static Rendering loginView(String csrf, @Nullable String error, HttpStatus status) {
        Rendering.Builder<?> view = Rendering.view("admin/login").modelAttribute("csrf", csrf).status(status);
        if (error != null) {
            view.modelAttribute("error", error);
        }
        return view.build();
    }

    private static Rendering mfaView(String csrf, @Nullable String error, HttpStatus status) {
        Rendering.Builder<?> view = Rendering.view("admin/mfa").modelAttribute("csrf", csrf).status(status);
        if (error != null) {
            view.modelAttribute("error", error);
        }
        return view.build();
    }

    private ClientInfo client(ServerWebExchange exchange) {
        return new ClientInfo(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT), addresses.of(exchange));
    }

    private static @Nullable String blankToNull(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
