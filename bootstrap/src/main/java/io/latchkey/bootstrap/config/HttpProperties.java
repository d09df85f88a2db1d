package io.latchkey.bootstrap.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.http.*}: what browsers are told. {@code cors.allowed-origins} lists the exact origins whose pages
 * may call the API (none by default); {@code behind-tls=true} says clients reach the service only through TLS
 * terminated in front of it, which turns on HSTS ({@code hsts-max-age}, {@code hsts-include-subdomains}).
 */
@ConfigurationProperties("latchkey.http")
public record HttpProperties(@DefaultValue Cors cors, @DefaultValue("false") boolean behindTls,
        @DefaultValue("365d") Duration hstsMaxAge, @DefaultValue("false") boolean hstsIncludeSubdomains) {

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
