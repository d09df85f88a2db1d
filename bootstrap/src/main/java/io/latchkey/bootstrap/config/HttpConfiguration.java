package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.console.ConsoleSettings;
import io.latchkey.adapters.web.security.BrowserSecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code latchkey.http.*} and {@code latchkey.console.*} to the web adapter's browser settings (CORS allow-list, HSTS, console session). */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    BrowserSecuritySettings browserSecuritySettings(HttpProperties properties) {
        return new BrowserSecuritySettings(properties.cors().allowedOrigins(), properties.behindTls(),
                properties.hstsMaxAge(), properties.hstsIncludeSubdomains());
    }

    @Bean
    ConsoleSettings consoleSettings(ConsoleProperties console, HttpProperties http) {
        return new ConsoleSettings(console.idleTimeout(), http.behindTls());
    }
}
