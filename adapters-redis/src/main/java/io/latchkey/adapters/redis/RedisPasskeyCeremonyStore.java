package io.latchkey.adapters.redis;

import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.passkey.PasskeyCeremony;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.PasskeyCeremonyStore;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Pending WebAuthn ceremonies as {@code lk:passkey:<hmac(challenge)>} strings with a TTL ({@code purpose|user|mfa}),
 * read and deleted by one script, so of two answers with the same challenge only one finds it.
 */
@Component
class RedisPasskeyCeremonyStore implements PasskeyCeremonyStore {

    private static final RedisScript<String> TAKE = RedisScript.of("""
            local value = redis.call('GET', KEYS[1])
            if value then redis.call('DEL', KEYS[1]) end
            return value
            """, String.class);

    private final ReactiveStringRedisTemplate redis;
    private final KeyDigests digests;

    RedisPasskeyCeremonyStore(ReactiveStringRedisTemplate redis, RedisSecret secret) {
        this.redis = redis;
        this.digests = new KeyDigests(secret);
    }

    @Override
    public Mono<Void> save(String challenge, PasskeyCeremony ceremony, Duration ttl) {
        String value = ceremony.purpose().name() + "|" + (ceremony.userId() == null ? "" : ceremony.userId().value())
                + "|" + (ceremony.mfaTokenHash() == null ? "" : ceremony.mfaTokenHash());
        return redis.opsForValue().set(RedisKeys.passkeyCeremony(challenge, digests), value, ttl)
                .then()
                .onErrorMap(RedisPasskeyCeremonyStore::unavailable);
    }

    @Override
    public Mono<PasskeyCeremony> take(String challenge) {
        return redis.execute(TAKE, List.of(RedisKeys.passkeyCeremony(challenge, digests)))
                .next()
                .map(value -> {
                    String[] parts = value.split("\\|", -1);
                    return new PasskeyCeremony(PasskeyPurpose.valueOf(parts[0]),
                            parts[1].isEmpty() ? null : UserId.parse(parts[1]), parts[2].isEmpty() ? null : parts[2]);
                })
                .onErrorMap(RedisPasskeyCeremonyStore::unavailable);
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof AuthException ? error
                : new DependencyUnavailableException(RedisUserAuthCache.DEPENDENCY, error);
    }
}
