package io.latchkey.adapters.web.server;

import io.latchkey.adapters.web.security.BrowserSecuritySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a {@link DecodingFailureResponder} on every HTTP/1.1 connection, right before Reactor Netty's traffic
 * handler, so a request the decoder refuses (431, 414, 400) gets problem+json like every other error. The header
 * limit itself is Spring Boot's {@code server.max-http-request-header-size} (8 KB by default).
 */
@Component
class ProblemJsonNettyCustomizer implements NettyServerCustomizer {

    private final DecodingFailureProblems problems;

    private final @Nullable String hsts;

    ProblemJsonNettyCustomizer(JsonMapper json,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize,
            ObjectProvider<BrowserSecuritySettings> browsers) {
        this.problems = new DecodingFailureProblems(json, maxHeaderSize.toKilobytes() + " KB");
        BrowserSecuritySettings browser = browsers.getIfAvailable(BrowserSecuritySettings::none);
        this.hsts = browser.behindTls() ? browser.hstsHeaderValue() : null;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "latchkey.decodingFailure",
                        new DecodingFailureResponder(problems, hsts));
            }
        });
    }
}
