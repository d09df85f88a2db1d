package io.latchkey.adapters.web.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.federation.ExternalIdentity;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.ExternalIdentityVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The OpenID Connect client side of federated sign-in. Provider metadata comes from discovery and is cached; the
 * provider's JWKS is cached and fetched again when a token names a key it does not hold (at most every
 * {@value #JWKS_REFETCH_SECONDS} s, so tokens with invented key ids cannot make it hammer the provider). An ID token
 * must be signed with an asymmetric algorithm by one of those keys: {@code alg: none}, an HMAC "signed" with a
 * public key, or any other key are refused, as are a wrong {@code iss}, {@code aud}, {@code azp} or {@code nonce}
 * and an expired token.
 */
public final class OidcExternalIdentityVerifier implements ExternalIdentityVerifier {

    private static final Logger log = LoggerFactory.getLogger(OidcExternalIdentityVerifier.class);
    private static final long JWKS_REFETCH_SECONDS = 30;
    static final String DEPENDENCY = "identity provider";
    /** The oldest {@code iat} accepted on the native endpoint (the replay memory outlasts it). */
    static final Duration NATIVE_MAX_AGE = Duration.ofMinutes(10);

    private final FederationClientSettings settings;
    private final WebClient http;
    private final InstantSource clock;
    private final Map<String, Mono<ProviderMetadata>> metadata = new ConcurrentHashMap<>();
    private final Map<String, CachedKeys> keys = new ConcurrentHashMap<>();

    public OidcExternalIdentityVerifier(FederationClientSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(settings.timeout())))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024))
                .build();
    }

    /** What discovery said about a provider. */
    record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {
    }

    private record CachedKeys(JWKSet keys, Instant fetchedAt) {
    }

    @Override
    public Mono<URI> authorizationUri(String provider, URI callback, String state, String nonce, String codeChallenge) {
        IdentityProviderSettings client = client(provider);
        return metadata(client).map(meta -> UriComponentsBuilder.fromUri(meta.authorizationEndpoint())
                .queryParam("response_type", "code")
                .queryParam("client_id", client.clientId())
                .queryParam("redirect_uri", callback.toString())
                .queryParam("scope", String.join(" ", client.scopes()))
                .queryParam("state", state)
                .queryParam("nonce", nonce)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .encode().build().toUri());
    }

    @Override
    public Mono<ExternalIdentity> redeem(String provider, URI callback, String code, String codeVerifier, String nonce) {
        IdentityProviderSettings client = client(provider);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", callback.toString());
        form.add("code_verifier", codeVerifier);
        return metadata(client).flatMap(meta -> http.post().uri(meta.tokenEndpoint())
                        .headers(headers -> {
                            if (client.clientSecret() != null) {
                                headers.setBasicAuth(client.clientId(), client.clientSecret(), StandardCharsets.UTF_8);
                            } else {
                                form.add("client_id", client.clientId());
                            }
                        })
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(BodyInserters.fromFormData(form))
                        .retrieve()
                        .bodyToMono(Map.class)
                        .timeout(settings.timeout())
                        .onErrorMap(OidcExternalIdentityVerifier::providerFailure)
                        .flatMap(response -> response.get("id_token") instanceof String idToken
                                ? validate(client, meta, idToken, nonce, List.of(client.clientId()))
                                : Mono.error(new FederationException(AuthErrorCode.FEDERATION_REJECTED))));
    }

    @Override
    public Mono<ExternalIdentity> verifyIdToken(String provider, String idToken, String nonce) {
        IdentityProviderSettings client = client(provider);
        return metadata(client).flatMap(meta -> validate(client, meta, idToken, nonce, List.copyOf(client.audiences()))
                .flatMap(identity -> issuedRecently(idToken) ? Mono.just(identity)
                        : rejected("native ID token issued more than " + NATIVE_MAX_AGE + " ago, or without iat")));
    }

    /** A native app presents a token it just obtained; an older one is refused, which bounds the replay memory. */
    private boolean issuedRecently(String idToken) {
        try {
            Date iat = JWTParser.parse(idToken).getJWTClaimsSet().getIssueTime();
            Instant now = clock.instant();
            return iat != null && iat.toInstant().isAfter(now.minus(NATIVE_MAX_AGE).minus(settings.clockSkew()))
                    && iat.toInstant().isBefore(now.plus(settings.clockSkew()));
        } catch (ParseException e) {
            return false;
        }
    }

    private Mono<ExternalIdentity> validate(IdentityProviderSettings client, ProviderMetadata meta, String token,
            String nonce, List<String> audiences) {
        SignedJWT jwt;
        try {
            JWT parsed = JWTParser.parse(token);
            if (!(parsed instanceof SignedJWT signed)) {
                return rejected("unsigned ID token from " + client.id());
            }
            jwt = signed;
        } catch (ParseException e) {
            return rejected("unreadable ID token from " + client.id());
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
            return rejected("ID token algorithm " + alg + " refused");
        }
        return keyFor(client, meta, jwt).flatMap(key -> {
            try {
                if (!jwt.verify(verifierFor(key))) {
                    return rejected("ID token signature invalid");
                }
                return Mono.just(identity(client, meta, jwt.getJWTClaimsSet(), nonce, audiences));
            } catch (JOSEException | ParseException e) {
                return rejected("ID token not verifiable: " + e.getMessage());
            } catch (FederationException e) {
                return Mono.error(e);
            }
        });
    }

    private ExternalIdentity identity(IdentityProviderSettings client, ProviderMetadata meta, JWTClaimsSet claims,
            String nonce, List<String> audiences) throws ParseException {
        require(meta.issuer().equals(claims.getIssuer()), "iss");
        List<String> aud = claims.getAudience();
        require(aud.stream().anyMatch(audiences::contains), "aud");
        String azp = claims.getStringClaim("azp");
        require(aud.size() == 1 ? azp == null || audiences.contains(azp) : azp != null && audiences.contains(azp), "azp");
        Date exp = claims.getExpirationTime();
        require(exp != null && clock.instant().minus(settings.clockSkew()).isBefore(exp.toInstant()), "exp");
        String presented = claims.getStringClaim("nonce");
        require(presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8)), "nonce");
        String subject = claims.getSubject();
        require(subject != null && !subject.isBlank(), "sub");
        return new ExternalIdentity(client.id(), subject, email(claims), verified(claims.getClaim("email_verified")));
    }

    private static @Nullable Email email(JWTClaimsSet claims) throws ParseException {
        String raw = claims.getStringClaim("email");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Email.parse(raw, "email");
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Some providers send {@code email_verified} as the string "true". */
    private static boolean verified(@Nullable Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }

    private static void require(boolean holds, String claim) {
        if (!holds) {
            throw new FederationException(AuthErrorCode.FEDERATION_REJECTED);
        }
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        return switch (key) {
            case RSAKey rsa -> new RSASSAVerifier(rsa);
            case ECKey ec -> new ECDSAVerifier(ec);
            default -> throw new JOSEException("unsupported key type " + key.getKeyType());
        };
    }

    private Mono<JWK> keyFor(IdentityProviderSettings client, ProviderMetadata meta, SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        KeyType type = KeyType.forAlgorithm(jwt.getHeader().getAlgorithm());
        CachedKeys cached = keys.get(client.id());
        JWK held = cached == null ? null : select(cached.keys(), kid, type);
        if (held != null) {
            return Mono.just(held);
        }
        if (cached != null && cached.fetchedAt().isAfter(clock.instant().minusSeconds(JWKS_REFETCH_SECONDS))) {
            return rejected("ID token signed by an unknown key");
        }
        return http.get().uri(meta.jwksUri()).accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(String.class)
                .timeout(settings.timeout())
                .onErrorMap(OidcExternalIdentityVerifier::providerFailure)
                .flatMap(body -> {
                    try {
                        JWKSet fetched = JWKSet.parse(body);
                        keys.put(client.id(), new CachedKeys(fetched, clock.instant()));
                        JWK key = select(fetched, kid, type);
                        return key == null ? rejected("ID token signed by an unknown key") : Mono.just(key);
                    } catch (ParseException e) {
                        return Mono.error(new DependencyUnavailableException(DEPENDENCY, e));
                    }
                });
    }

    private static @Nullable JWK select(JWKSet set, @Nullable String kid, KeyType type) {
        return set.getKeys().stream()
                .filter(key -> type.equals(key.getKeyType()))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> kid == null || kid.equals(key.getKeyID()))
                .findFirst().orElse(null);
    }

    /** Discovery, cached once it succeeded; a failure is not cached, so the next sign-in asks again. */
    private Mono<ProviderMetadata> metadata(IdentityProviderSettings client) {
        return metadata.computeIfAbsent(client.id(), id -> discover(client)
                .cache(ok -> Duration.ofHours(1), error -> Duration.ZERO, () -> Duration.ZERO));
    }

    @SuppressWarnings("unchecked")
    private Mono<ProviderMetadata> discover(IdentityProviderSettings client) {
        URI wellKnown = URI.create(client.issuer().toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        return http.get().uri(wellKnown).accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(Map.class)
                .timeout(settings.timeout())
                .map(document -> {
                    Map<String, Object> doc = (Map<String, Object>) document;
                    String issuer = (String) doc.get("issuer");
                    if (issuer == null || !issuer.equals(client.issuer().toString())) {
                        throw new IllegalStateException("discovery of " + client.id() + " names issuer " + issuer);
                    }
                    return new ProviderMetadata(issuer, URI.create((String) doc.get("authorization_endpoint")),
                            URI.create((String) doc.get("token_endpoint")), URI.create((String) doc.get("jwks_uri")));
                })
                .doOnError(error -> log.warn("identity provider {} discovery failed: {}", client.id(), error.toString()))
                .onErrorMap(OidcExternalIdentityVerifier::providerFailure);
    }

    private IdentityProviderSettings client(String provider) {
        IdentityProviderSettings client = settings.providers().get(provider);
        if (client == null) {
            throw new FederationException(AuthErrorCode.UNKNOWN_IDENTITY_PROVIDER);
        }
        return client;
    }

    /** A 4xx from the provider refuses this grant; anything else (down, slow, 5xx) is the provider's outage. */
    private static Throwable providerFailure(Throwable error) {
        if (error instanceof AuthException) {
            return error;
        }
        if (error instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError()) {
            return new FederationException(AuthErrorCode.FEDERATION_REJECTED);
        }
        return new DependencyUnavailableException(DEPENDENCY, error);
    }

    private static <T> Mono<T> rejected(String why) {
        log.info("federated sign-in refused: {}", why);
        return Mono.error(new FederationException(AuthErrorCode.FEDERATION_REJECTED));
    }
}
