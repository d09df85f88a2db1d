package io.latchkey.adapters.web.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What browsers are told: the origins whose pages may call the API (CORS, with credentials; none by default),
 * and, when the service is reached only over TLS (terminated in front of it), the HSTS policy.
 *
 * @param allowedOrigins exact origins, {@code scheme://host[:port]}; never {@code *}
 * @param behindTls clients reach the service only through TLS, so every response carries HSTS
 * @param hstsMaxAge how long browsers keep to HTTPS after a response
 * @param hstsIncludeSubdomains whether HSTS also covers every subdomain of the service's host
 */
public record BrowserSecuritySettings(List<String> allowedOrigins, boolean behindTls, Duration hstsMaxAge,
        boolean hstsIncludeSubdomains) {

    public BrowserSecuritySettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedOrigins.forEach(BrowserSecuritySettings::requireOrigin);
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        if (hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException("hstsMaxAge must not be negative");
        }
    }

    /** No cross-origin caller, no HSTS. */
    public static BrowserSecuritySettings none() {
        return new BrowserSecuritySettings(List.of(), false, Duration.ofDays(365), false);
    }

    /** The {@code Strict-Transport-Security} value sent when {@link #behindTls()}. */
    public String hstsHeaderValue() {
        return "max-age=" + hstsMaxAge.toSeconds() + (hstsIncludeSubdomains ? "; includeSubDomains" : "");
    }

    private static void requireOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an origin: '" + origin + "'", e);
        }
        boolean plain = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!plain) {
            throw new IllegalArgumentException("an allowed origin is scheme://host[:port] with nothing after it "
                    + "(no '*', no path, no trailing slash): '" + origin + "'");
        }
    }
}
