package io.latchkey.adapters.redis;

import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.federation.CodeChallenge;
import io.latchkey.domain.model.federation.FederatedGrant;
import io.latchkey.domain.model.federation.PendingAuthorization;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.FederationStateCache;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Pending flows as {@code lk:fed:state:<hmac(state)>} and one-time codes as {@code lk:fed:code:<hmac(code)>},
 * strings with a TTL, each read and deleted by one script so that two concurrent takes cannot both succeed; ID
 * tokens used on the native endpoint as {@code lk:fed:idt:<hmac(token)>}, set only if absent.
 */
@Component
class RedisFederationStateCache implements FederationStateCache {

    private static final RedisScript<String> TAKE = RedisScript.of("""
            local value = redis.call('GET', KEYS[1])
            if value then redis.call('DEL', KEYS[1]) end
            return value
            """, String.class);
    private static final String ABSENT = "!";

    private final ReactiveStringRedisTemplate redis;
    private final KeyDigests digests;

    RedisFederationStateCache(ReactiveStringRedisTemplate redis, RedisSecret secret) {
        this.redis = redis;
        this.digests = new KeyDigests(secret);
    }

    @Override
    public Mono<Void> savePending(String state, PendingAuthorization pending, Duration ttl) {
        String value = join(pending.provider(), pending.redirectUri(), pending.appChallenge().value(),
                pending.appState(), pending.nonce(), pending.providerCodeVerifier(),
                pending.linkingUser() == null ? null : pending.linkingUser().value().toString());
        return save(RedisKeys.federationState(state, digests), value, ttl);
    }

    @Override
    public Mono<PendingAuthorization> takePending(String state) {
        return take(RedisKeys.federationState(state, digests)).map(fields -> new PendingAuthorization(fields[0],
                fields[1], new CodeChallenge(fields[2]), fields[3], fields[4], fields[5],
                fields[6] == null ? null : new UserId(UUID.fromString(fields[6]))));
    }

    @Override
    public Mono<Void> saveGrant(String code, FederatedGrant grant, Duration ttl) {
        String value = join(grant.userId().value().toString(), grant.provider(), grant.authTime().toString(),
                grant.appChallenge().value(), Long.toString(grant.authEpoch()));
        return save(RedisKeys.federationCode(code, digests), value, ttl);
    }

    @Override
    public Mono<FederatedGrant> takeGrant(String code) {
        return take(RedisKeys.federationCode(code, digests)).map(fields -> new FederatedGrant(
                new UserId(UUID.fromString(fields[0])), Long.parseLong(fields[4]), fields[1], Instant.parse(fields[2]),
                new CodeChallenge(fields[3])));
    }

    @Override
    public Mono<Boolean> claimIdToken(String idToken, Duration ttl) {
        return redis.opsForValue().setIfAbsent(RedisKeys.federationIdToken(idToken, digests), "1", ttl)
                .map(Boolean.TRUE::equals)
                .onErrorMap(RedisFederationStateCache::unavailable);
    }

    private Mono<Void> save(String key, String value, Duration ttl) {
        return redis.opsForValue().set(key, value, ttl).then().onErrorMap(RedisFederationStateCache::unavailable);
    }

    private Mono<@Nullable String[]> take(String key) {
        return redis.execute(TAKE, List.of(key)).next()
                .map(RedisFederationStateCache::split)
                .onErrorMap(RedisFederationStateCache::unavailable);
    }

    /** Fields URL-encoded and joined with '&', an absent one as "!" (which URL encoding never leaves as it is). */
    private static String join(@Nullable String... fields) {
        return Arrays.stream(fields)
                .map(field -> field == null ? ABSENT : URLEncoder.encode(field, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static @Nullable String[] split(String value) {
        return Arrays.stream(value.split("&", -1))
                .map(field -> ABSENT.equals(field) ? null : URLDecoder.decode(field, StandardCharsets.UTF_8))
                .toArray(String[]::new);
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof AuthException ? error
                : new DependencyUnavailableException(RedisUserAuthCache.DEPENDENCY, error);
    }
}
