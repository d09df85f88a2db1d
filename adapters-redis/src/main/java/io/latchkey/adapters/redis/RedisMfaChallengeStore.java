package io.latchkey.adapters.redis;

import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.mfa.MfaChallenge;
import io.latchkey.domain.model.mfa.MfaToken;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.port.MfaChallengeStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * MFA challenges as {@code lk:{u:<uid>}:mfa:<sha256(secret)>} hashes with a TTL. Counting an attempt is one Lua
 * script (the attempt past the limit deletes the key); completing is one DEL, whose count says which of concurrent
 * completions won.
 */
@Component
class RedisMfaChallengeStore implements MfaChallengeStore {

    private static final RedisScript<Long> SAVE = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'methods', ARGV[2], 'idp', ARGV[3], 'device', ARGV[4],
              'pwd', ARGV[6], 'attempts', 0)
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """, Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ATTEMPT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
            local n = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            if n > tonumber(ARGV[1]) then
              redis.call('DEL', KEYS[1])
              return {}
            end
            return redis.call('HMGET', KEYS[1], 'epoch', 'methods', 'idp', 'device', 'pwd')
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    RedisMfaChallengeStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> save(MfaToken token, MfaChallenge challenge, Duration ttl) {
        String methods = challenge.firstMethods().stream().map(AuthMethod::wireValue).collect(Collectors.joining(","));
        return redis.execute(SAVE, List.of(key(token)), List.of(Long.toString(challenge.authEpoch()), methods,
                        challenge.identityProvider() == null ? "" : challenge.identityProvider(),
                        challenge.device() == null ? "" : challenge.device().toString(), Long.toString(ttl.toMillis()),
                        challenge.passwordFingerprint() == null ? "" : challenge.passwordFingerprint()))
                .then()
                .onErrorMap(RedisMfaChallengeStore::unavailable);
    }

    @Override
    public Mono<MfaChallenge> attempt(MfaToken token, int maxAttempts) {
        return redis.execute(ATTEMPT, List.of(key(token)), List.of(Integer.toString(maxAttempts)))
                .next()
                .filter(fields -> fields.size() == 5)
                .map(fields -> toChallenge(token, fields))
                .onErrorMap(RedisMfaChallengeStore::unavailable);
    }

    @Override
    public Mono<Boolean> consume(MfaToken token) {
        return redis.delete(key(token)).map(deleted -> deleted == 1)
                .onErrorMap(RedisMfaChallengeStore::unavailable);
    }

    private static MfaChallenge toChallenge(MfaToken token, List<?> fields) {
        String idp = String.valueOf(fields.get(2));
        String device = String.valueOf(fields.get(3));
        String password = fields.get(4) == null ? "" : String.valueOf(fields.get(4));
        List<AuthMethod> methods = Arrays.stream(String.valueOf(fields.get(1)).split(","))
                .map(AuthMethod::fromWire).flatMap(Optional::stream).toList();
        return new MfaChallenge(token.userId(), Long.parseLong(String.valueOf(fields.get(0))), java.util.Set.copyOf(methods),
                idp.isEmpty() ? null : idp, device.isEmpty() ? null : UUID.fromString(device),
                password.isEmpty() ? null : password);
    }

    private static String key(MfaToken token) {
        return RedisKeys.mfaChallenge(token.userId(), token.hash());
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof AuthException ? error
                : new DependencyUnavailableException(RedisUserAuthCache.DEPENDENCY, error);
    }
}
