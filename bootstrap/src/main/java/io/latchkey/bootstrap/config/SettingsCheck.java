package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.security.RefreshTokenSecret;
import io.latchkey.adapters.web.security.SigningKeyRing;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Checks the settings no start can do without (key material, issuer, database URLs) before any bean is created,
 * so a misconfigured instance stops at once, naming the setting, instead of after connecting to PostgreSQL, Redis
 * and Kafka and timing out somewhere else.
 */
class SettingsCheck implements BeanFactoryPostProcessor, PriorityOrdered {

    private static final String KEYS_DOC = "docs/keys.md";
    private static final String OPERATIONS_DOC = "docs/operations.md";
    private static final String SIGNING = "latchkey.token.signing.";

    private final Environment environment;

    SettingsCheck(Environment environment) {
        this.environment = environment;
    }

    /** Registered by a static factory method: post-processors are created before constructor autowiring works. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        static SettingsCheck settingsCheck(Environment environment) {
            return new SettingsCheck(environment);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(Binder.get(environment).bindOrCreate("latchkey.token", TokenProperties.class), environment);
    }

    static void check(TokenProperties token, Environment settings) {
        checkIssuer(token.issuer());
        checkSigningKeys(token.signing());
        checkRefreshSecret(token.signing());
        checkUrl(settings.getProperty("spring.r2dbc.url"), "spring.r2dbc.url", "LATCHKEY_R2DBC_URL", "r2dbc:postgresql://");
        checkUrl(settings.getProperty("spring.flyway.url"), "spring.flyway.url", "LATCHKEY_JDBC_URL", "jdbc:postgresql://");
    }

    private static void checkIssuer(String issuer) {
        URI uri;
        try {
            uri = URI.create(issuer.strip());
        } catch (IllegalArgumentException e) {
            throw issuerInvalid("is not a URL (" + e.getMessage() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null) {
            throw issuerInvalid("is \"" + issuer + "\", not an http(s) URL with a host");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw issuerInvalid("is \"" + issuer + "\"; an issuer has no query or fragment (RFC 8414)");
        }
    }

    private static InvalidSettingException issuerInvalid(String problem) {
        return new InvalidSettingException("latchkey.token.issuer", "LATCHKEY_ISSUER", problem,
                "Set it to the service's public base URL, the one clients call (e.g. https://auth.example.com); it "
                        + "becomes the tokens' iss claim.", OPERATIONS_DOC);
    }

    private static void checkSigningKeys(TokenProperties.Signing signing) {
        String source = keySource(signing);
        if (source == null) {
            if (!signing.allowEphemeral()) {
                throw new InvalidSettingException(SIGNING + "jwk-set", environmentVariable(SIGNING + "jwk-set"),
                        "is not set, nor jwk-set-file or pem-key-files: there is no key to sign access tokens with",
                        "Give the service its key material: a JWK set (jwk-set, or jwk-set-file for a mounted secret) "
                                + "or PEM files (pem-key-files.<kid>), with " + SIGNING + "active-kid naming the "
                                + "signing key and " + SIGNING + "refresh-secret. For a throw-away local run only, "
                                + SIGNING + "allow-ephemeral=true generates keys that die with the process.", KEYS_DOC);
            }
            return;
        }
        if (signing.activeKid() == null || signing.activeKid().isBlank()) {
            throw new InvalidSettingException(SIGNING + "active-kid", environmentVariable(SIGNING + "active-kid"),
                    "is not set; it names the key in " + source + " that signs new tokens",
                    "Set it to the kid of the key with a private part.", KEYS_DOC);
        }
        try {
            SigningKeyRing.fromJwkSet(KeyConfiguration.jwkSet(signing), signing.activeKid());
        } catch (RuntimeException e) {
            throw new InvalidSettingException(source, environmentVariable(source), "cannot be used: " + e.getMessage(),
                    "Give RSA keys of at least 2048 bits, each with a kid, the active one ("
                            + signing.activeKid() + ") with its private part.", KEYS_DOC);
        }
    }

    private static @Nullable String keySource(TokenProperties.Signing signing) {
        if (signing.jwkSet() != null && !signing.jwkSet().isBlank()) {
            return SIGNING + "jwk-set";
        }
        if (signing.jwkSetFile() != null && !signing.jwkSetFile().isBlank()) {
            return SIGNING + "jwk-set-file";
        }
        return signing.pemKeyFiles().isEmpty() ? null : SIGNING + "pem-key-files";
    }

    private static void checkRefreshSecret(TokenProperties.Signing signing) {
        String setting = SIGNING + "refresh-secret";
        String action = "Set it to the base64 of at least 32 random bytes (openssl rand -base64 32), the same on "
                + "every replica.";
        if (signing.refreshSecret() == null || signing.refreshSecret().isBlank()) {
            if (!signing.allowEphemeral()) {
                throw new InvalidSettingException(setting, environmentVariable(setting), "is not set", action, KEYS_DOC);
            }
            return;
        }
        try {
            RefreshTokenSecret.fromBase64(signing.refreshSecret());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting, environmentVariable(setting), "cannot be used: " + e.getMessage(),
                    action, KEYS_DOC);
        }
    }

    private static void checkUrl(@Nullable String url, String setting, String variable, String prefix) {
        if (url == null || url.isBlank()) {
            throw new InvalidSettingException(setting, variable, "is not set",
                    "Set it to the PostgreSQL server, as " + prefix + "<host>:<port>/<database>.", OPERATIONS_DOC);
        }
        boolean valid = url.startsWith(prefix);
        if (valid && setting.startsWith("spring.r2dbc")) {
            try {
                ConnectionFactoryOptions.parse(url);
            } catch (IllegalArgumentException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new InvalidSettingException(setting, variable, "is \"" + url + "\", not a " + prefix + " URL",
                    "Set it to the PostgreSQL server, as " + prefix + "<host>:<port>/<database>.", OPERATIONS_DOC);
        }
    }

    private static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
