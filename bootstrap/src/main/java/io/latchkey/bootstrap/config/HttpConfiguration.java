package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.security.BrowserSecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code latchkey.http.*} to the web adapter's browser settings (CORS allow-list, HSTS). */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    BrowserSecuritySettings browserSecuritySettings(HttpProperties properties) {
        return new BrowserSecuritySettings(properties.cors().allowedOrigins(), properties.behindTls(),
                properties.hstsMaxAge(), properties.hstsIncludeSubdomains());
    }
}
