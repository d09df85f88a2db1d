package io.latchkey.adapters.redis;

import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.console.ConsoleSession;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.ConsoleSessionRepository;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code lk:console:<hmac(id)>}: a string {@code csrf|user|session|mfa} ("-" for an absent field) whose TTL is the
 * idle timeout, restarted by every read (GETEX). The key holds a digest, so a Redis dump names no usable cookie.
 */
@Component
class RedisConsoleSessionRepository implements ConsoleSessionRepository {

    private static final String ABSENT = "-";

    private final ReactiveStringRedisTemplate redis;
    private final KeyDigests digests;

    RedisConsoleSessionRepository(ReactiveStringRedisTemplate redis, RedisSecret secret) {
        this.redis = redis;
        this.digests = new KeyDigests(secret);
    }

    @Override
    public Mono<Void> save(String id, ConsoleSession session, Duration idle) {
        String value = String.join("|", session.csrfToken(), text(session.userId()), text(session.sessionId()),
                session.mfaToken() == null ? ABSENT : session.mfaToken());
        return redis.opsForValue().set(key(id), value, idle).then().onErrorMap(RedisConsoleSessionRepository::unavailable);
    }

    @Override
    public Mono<ConsoleSession> touch(String id, Duration idle) {
        return redis.opsForValue().getAndExpire(key(id), idle)
                .map(RedisConsoleSessionRepository::parse)
                .onErrorMap(RedisConsoleSessionRepository::unavailable);
    }

    @Override
    public Mono<Void> delete(String id) {
        return redis.delete(key(id)).then().onErrorMap(RedisConsoleSessionRepository::unavailable);
    }

    private String key(String id) {
        return "lk:console:" + digests.of(id);
    }

    private static ConsoleSession parse(String value) {
        String[] fields = value.split("\\|", -1);
        String user = fields[1];
        String session = fields[2];
        return new ConsoleSession(fields[0], ABSENT.equals(user) ? null : UserId.parse(user),
                ABSENT.equals(session) ? null : SessionId.parse(session), ABSENT.equals(fields[3]) ? null : fields[3]);
    }

    private static String text(@Nullable Object id) {
        if (id == null) {
            return ABSENT;
        }
        return id instanceof UserId user ? user.value().toString() : ((SessionId) id).value().toString();
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof AuthException ? error
                : new DependencyUnavailableException(RedisUserAuthCache.DEPENDENCY, error);
    }
}
