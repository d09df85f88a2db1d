package io.latchkey.bootstrap.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.introspection.clients.<client-id>=<sha256 hex of the secret>}: the services allowed to
 * call RFC 7662 introspection with HTTP Basic. Empty means nobody may.
 */
@ConfigurationProperties("latchkey.introspection")
public record IntrospectionProperties(@DefaultValue Map<String, String> clients) {
}
