package io.latchkey.adapters.web.federation;

import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.federation.ExternalIdentity;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.ExternalIdentityVerifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sign-in through a plain OAuth 2.0 provider shaped like GitHub, which issues no ID token: the code (with PKCE) is
 * exchanged for an access token, and the identity is read from the user and emails API. The subject is the numeric
 * user id; the address is the one that is both primary and verified, and no other: a verified secondary address is
 * not taken in its place, so the account's address is always the one the user chose as theirs at the provider.
 * Without such an address the identity has none (a new account then needs {@code email-required} handling).
 */
public final class GithubExternalIdentityVerifier implements ExternalIdentityVerifier {

    private static final Logger log = LoggerFactory.getLogger(GithubExternalIdentityVerifier.class);
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY =
            new ParameterizedTypeReference<>() {
            };
    private static final MediaType GITHUB_JSON = MediaType.parseMediaType("application/vnd.github+json");

    private final FederationClientSettings settings;
    private final WebClient http;

    public GithubExternalIdentityVerifier(FederationClientSettings settings) {
        this.settings = settings;
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(settings.timeout())))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024))
                .build();
    }

    @Override
    public Mono<URI> authorizationUri(String provider, URI callback, String state, String nonce, String codeChallenge) {
        return Mono.fromCallable(() -> {
            IdentityProviderSettings client = client(provider);
            // No nonce: it only binds an ID token, and this provider issues none; state and PKCE bind the code.
            return UriComponentsBuilder.fromUri(client.oauth().authorization())
                    .queryParam("response_type", "code")
                    .queryParam("client_id", client.clientId())
                    .queryParam("redirect_uri", callback.toString())
                    .queryParam("scope", String.join(" ", client.scopes()))
                    .queryParam("state", state)
                    .queryParam("code_challenge", codeChallenge)
                    .queryParam("code_challenge_method", "S256")
                    .queryParam("allow_signup", "false")
                    .encode().build().toUri();
        });
    }

    @Override
    public Mono<ExternalIdentity> redeem(String provider, URI callback, String code, String codeVerifier, String nonce) {
        return Mono.defer(() -> {
            IdentityProviderSettings client = client(provider);
            var form = new LinkedMultiValueMap<String, String>();
            form.add("client_id", client.clientId());
            if (client.clientSecret() != null) {
                form.add("client_secret", client.clientSecret());
            }
            form.add("code", code);
            form.add("redirect_uri", callback.toString());
            form.add("code_verifier", codeVerifier);
            return http.post().uri(client.oauth().token())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(BodyInserters.fromFormData(form))
                    .retrieve()
                    .bodyToMono(OBJECT)
                    .timeout(settings.timeout())
                    .onErrorMap(GithubExternalIdentityVerifier::providerFailure)
                    .flatMap(response -> {
                        // GitHub answers a bad code with 200 and an "error" member.
                        if (response.get("error") != null || !(response.get("access_token") instanceof String token)) {
                            return rejected(client.id() + " refused the code: " + response.get("error"));
                        }
                        return identity(client, token);
                    });
        });
    }

    @Override
    public Mono<ExternalIdentity> verifyIdToken(String provider, String idToken, String nonce) {
        return Mono.defer(() -> {
            client(provider);
            return Mono.error(new FederationException(AuthErrorCode.ID_TOKEN_NOT_SUPPORTED));
        });
    }

    private Mono<ExternalIdentity> identity(IdentityProviderSettings client, String accessToken) {
        Mono<Map<String, Object>> user = api(client.oauth().user(), accessToken).bodyToMono(OBJECT);
        Mono<List<Map<String, Object>>> emails = api(client.oauth().emails(), accessToken).bodyToMono(ARRAY);
        return Mono.zip(user, emails)
                .timeout(settings.timeout())
                .onErrorMap(GithubExternalIdentityVerifier::providerFailure)
                .flatMap(both -> {
                    String subject = subject(both.getT1().get("id"));
                    if (subject == null) {
                        return rejected(client.id() + " user has no numeric id");
                    }
                    Email email = primaryVerified(both.getT2());
                    return Mono.just(new ExternalIdentity(client.id(), subject, email, email != null));
                });
    }

    private WebClient.ResponseSpec api(URI uri, String accessToken) {
        return http.get().uri(uri)
                .headers(headers -> headers.setBearerAuth(accessToken))
                .accept(GITHUB_JSON)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .retrieve();
    }

    /** The numeric id as a string; a login name can be renamed and reused, the id cannot. */
    private static @Nullable String subject(@Nullable Object id) {
        if (id instanceof Number number && number.longValue() > 0 && number.doubleValue() == number.longValue()) {
            return Long.toString(number.longValue());
        }
        return null;
    }

    static @Nullable Email primaryVerified(List<Map<String, Object>> emails) {
        return emails.stream()
                .filter(entry -> Boolean.TRUE.equals(entry.get("primary")) && Boolean.TRUE.equals(entry.get("verified")))
                .map(entry -> entry.get("email") instanceof String raw ? parse(raw) : null)
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static @Nullable Email parse(String raw) {
        try {
            return Email.parse(raw, "email");
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private IdentityProviderSettings client(String provider) {
        IdentityProviderSettings client = settings.providers().get(provider);
        if (client == null || client.oauth() == null) {
            throw new FederationException(AuthErrorCode.UNKNOWN_IDENTITY_PROVIDER);
        }
        return client;
    }

    /** A 4xx refuses this grant (a revoked or wrong token); anything else (down, slow, 5xx) is an outage. */
    private static Throwable providerFailure(Throwable error) {
        if (error instanceof AuthException) {
            return error;
        }
        if (error instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError()) {
            return new FederationException(AuthErrorCode.FEDERATION_REJECTED);
        }
        return new DependencyUnavailableException(OidcExternalIdentityVerifier.DEPENDENCY, error);
    }

    private static <T> Mono<T> rejected(String why) {
        log.info("federated sign-in refused: {}", why);
        return Mono.error(new FederationException(AuthErrorCode.FEDERATION_REJECTED));
    }
}
