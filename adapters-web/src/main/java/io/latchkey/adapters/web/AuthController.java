package io.latchkey.adapters.web;

import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.domain.model.session.ClientInfo;
import java.net.InetSocketAddress;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Login and the token endpoints. Token responses are never cached (RFC 6749 §5.1). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final LoginUseCase login;

    AuthController(LoginUseCase login) {
        this.login = login;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@RequestBody LoginRequest request, ServerHttpRequest http) {
        return login.login(request.toCommand(clientOf(http))).map(pair -> noStore(TokenResponse.from(pair)));
    }

    static ClientInfo clientOf(ServerHttpRequest http) {
        InetSocketAddress remote = http.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return new ClientInfo(http.getHeaders().getFirst(HttpHeaders.USER_AGENT), ip);
    }

    static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache").body(body);
    }
}
