package io.latchkey.adapters.redis;

import io.latchkey.domain.error.AuthCacheUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shared tier of {@link TieredAuthCache}: the per-user auth cache on Redis. Fills are conditional Lua scripts on
 * the user's purge count and purges raise it, atomically, because every key of a user lives in one slot. Purges also
 * announce themselves on a pub/sub channel ({@link NearCachePurges}), so every instance drops its near-cache copy at once, Kafka or not. Every command runs with a short timeout behind a circuit breaker
 * ({@link RedisHotPath}), so a hung Redis turns into a fast {@link AuthCacheUnavailableException} the caller falls
 * back from.
 */
@Component
class RedisUserAuthCache {

    /** The dependency named by the other Redis stores' failures (codes, challenges): not the auth cache. */
    static final String DEPENDENCY = "redis";
    /** The purge count must outlive every entry it guards: the longest session plus a day. */
    private static final Duration PURGE_COUNT_TTL = Duration.ofDays(31);

    private static final RedisScript<Long> PUT_SESSION = script("put-session.lua");
    private static final RedisScript<Long> PUT_PROFILE = script("put-profile.lua");
    private static final RedisScript<Long> EVICT_SESSION = script("evict-session.lua");
    private static final RedisScript<Long> EVICT_USER = script("evict-user.lua");

    private final ReactiveStringRedisTemplate redis;
    private final InstantSource clock;
    private final Duration profileTtl;
    private final Counter hits;
    private final Counter misses;
    private final RedisHotPath hotPath;

    RedisUserAuthCache(ReactiveStringRedisTemplate redis, InstantSource clock, AuthCacheSettings settings,
            MeterRegistry meters) {
        this.redis = redis;
        this.hotPath = new RedisHotPath(settings, meters);
        this.clock = clock;
        this.profileTtl = settings.profileTtl();
        this.hits = AuthCacheMetrics.lookups(meters, "redis", "hit");
        this.misses = AuthCacheMetrics.lookups(meters, "redis", "miss");
    }

    Mono<Long> purgeCount(UserId userId) {
        return hotPath.guard(redis.opsForValue().get(RedisKeys.purgeCount(userId)))
                .map(Long::parseLong)
                .defaultIfEmpty(0L)
                .onErrorMap(RedisUserAuthCache::unavailable);
    }

    Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        return entries(RedisKeys.session(userId, sessionId))
                .doOnNext(hash -> (hash.isEmpty() ? misses : hits).increment())
                .filter(hash -> !hash.isEmpty())
                .map(hash -> new AuthSnapshot(userId, sessionId, roles(hash.get("roles")), "1".equals(hash.get("ev")),
                        Long.parseLong(hash.get("ue")), Instant.parse(hash.get("exp"))));
    }

    /** True when Redis took the fill, false when a purge since {@code expectedPurgeCount} dropped it. */
    Mono<Boolean> putSession(AuthSnapshot snapshot, long expectedPurgeCount) {
        long ttl = Duration.between(clock.instant(), snapshot.expiresAt()).toMillis();
        if (ttl <= 0) {
            return Mono.just(false);
        }
        List<String> args = new ArrayList<>(List.of(Long.toString(expectedPurgeCount), Long.toString(ttl),
                snapshot.sessionId().toString()));
        args.addAll(List.of("roles", String.join(",", new TreeSet<>(snapshot.roles())),
                "ev", snapshot.emailVerified() ? "1" : "0",
                "ue", Long.toString(snapshot.userEpoch()),
                "exp", snapshot.expiresAt().toString()));
        UserId user = snapshot.userId();
        return run(PUT_SESSION, List.of(RedisKeys.purgeCount(user), RedisKeys.session(user, snapshot.sessionId()),
                RedisKeys.sessionIndex(user)), args);
    }

    Mono<UserProfile> findProfile(UserId userId) {
        return entries(RedisKeys.profile(userId))
                .filter(hash -> !hash.isEmpty())
                .map(hash -> new UserProfile(userId, new Email(hash.get("email")),
                        new PersonName(hash.get("first"), hash.get("last")), "1".equals(hash.get("ev")),
                        roles(hash.get("roles")), Instant.parse(hash.get("created"))));
    }

    /** True when Redis took the fill, false when a purge since {@code expectedPurgeCount} dropped it. */
    Mono<Boolean> putProfile(UserProfile profile, long expectedPurgeCount) {
        List<String> args = new ArrayList<>(List.of(Long.toString(expectedPurgeCount), Long.toString(profileTtl.toMillis()),
                "email", profile.email().value(),
                "ev", profile.emailVerified() ? "1" : "0",
                "roles", String.join(",", new TreeSet<>(profile.roles())),
                "created", profile.createdAt().toString()));
        if (profile.name().first() != null) {
            args.addAll(List.of("first", profile.name().first()));
        }
        if (profile.name().last() != null) {
            args.addAll(List.of("last", profile.name().last()));
        }
        UserId user = profile.id();
        return run(PUT_PROFILE, List.of(RedisKeys.purgeCount(user), RedisKeys.profile(user)), args);
    }

    Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        return purge(EVICT_SESSION, List.of(RedisKeys.purgeCount(userId), RedisKeys.session(userId, sessionId),
                RedisKeys.sessionIndex(userId)), List.of(sessionId.toString(), Long.toString(PURGE_COUNT_TTL.toMillis()),
                NearCachePurges.CHANNEL, NearCachePurges.session(userId, sessionId)));
    }

    Mono<Void> evictUser(UserId userId) {
        return purge(EVICT_USER, List.of(RedisKeys.purgeCount(userId), RedisKeys.sessionIndex(userId),
                RedisKeys.profile(userId)), List.of(RedisKeys.sessionPrefix(userId), Long.toString(PURGE_COUNT_TTL.toMillis()),
                NearCachePurges.CHANNEL, NearCachePurges.user(userId)));
    }

    private Mono<Map<String, String>> entries(String key) {
        return hotPath.guard(redis.<String, String>opsForHash().entries(key)
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .onErrorMap(RedisUserAuthCache::unavailable);
    }

    private Mono<Boolean> run(RedisScript<Long> script, List<String> keys, List<String> args) {
        return hotPath.guard(redis.execute(script, keys, args).next().map(stored -> stored == 1L).defaultIfEmpty(false))
                .onErrorMap(RedisUserAuthCache::unavailable);
    }

    /**
     * EVAL with the script's text, not EVALSHA: a Redis that lost its script cache (restarted, failed over) and then
     * hung would answer a queued EVALSHA with NOSCRIPT once it resumes, when this purge has stopped waiting and no
     * EVAL follows. Purges are once per revocation, so the text is cheap.
     */
    private Mono<Void> purge(RedisScript<Long> script, List<String> keys, List<String> args) {
        // Buffers per subscription: sending one consumes it.
        Flux<Long> eval = redis.execute(connection -> connection.scriptingCommands().<Long>eval(
                utf8(script.getScriptAsString()), ReturnType.INTEGER, keys.size(),
                Stream.concat(keys.stream(), args.stream()).map(RedisUserAuthCache::utf8).toArray(ByteBuffer[]::new)));
        return hotPath.purge(eval.then()).onErrorMap(RedisUserAuthCache::unavailable);
    }

    private static ByteBuffer utf8(String value) {
        return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> roles(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : Arrays.stream(joined.split(",")).collect(Collectors.toSet());
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof AuthCacheUnavailableException ? error : new AuthCacheUnavailableException(error);
    }

    private static RedisScript<Long> script(String name) {
        return RedisScript.of(new ClassPathResource(name, RedisUserAuthCache.class), Long.class);
    }
}
