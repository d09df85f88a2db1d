package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.console.ConsoleSession;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Console sessions in the real Redis: stored under a digest of the id, idle timer restarted by each read. */
class RedisConsoleSessionRepositoryIT {

    private static final Duration IDLE = Duration.ofMinutes(15);
    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;
    private static RedisConsoleSessionRepository repository;

    @BeforeAll
    static void connect() {
        Map<String, String> props = TestInfrastructure.shared().redisProperties();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                props.get("spring.data.redis.host"), Integer.parseInt(props.get("spring.data.redis.port"))));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        repository = new RedisConsoleSessionRepository(redis,
                new RedisSecret("console-session-test-secret-0123456789".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void givenASignedInSession_touch_readsItBackAndRestartsItsIdleTimer() {
        String id = UUID.randomUUID().toString();
        ConsoleSession session = ConsoleSession.signedIn("csrf-token", new UserId(UUID.randomUUID()),
                new SessionId(UUID.randomUUID()));
        repository.save(id, session, Duration.ofSeconds(30)).block();
        assertThat(redis.keys("lk:console:*").collectList().block()).noneMatch(key -> key.contains(id));

        assertThat(repository.touch(id, IDLE).block()).isEqualTo(session);
        String key = redis.keys("lk:console:*").filterWhen(k -> redis.opsForValue().get(k)
                .map(v -> v.startsWith("csrf-token|" + session.userId().value()))).blockFirst();
        assertThat(redis.getExpire(key).block()).isGreaterThan(Duration.ofMinutes(14));
    }

    @Test
    void givenAPendingSecondFactor_orADeletedSession_touch_answersWhatIsStored() {
        String id = UUID.randomUUID().toString();
        ConsoleSession pending = ConsoleSession.awaitingSecondFactor("csrf", "mfa-token-value");
        repository.save(id, pending, IDLE).block();
        assertThat(repository.touch(id, IDLE).block()).isEqualTo(pending);

        repository.delete(id).block();
        assertThat(repository.touch(id, IDLE).blockOptional()).isEmpty();
        assertThat(repository.touch("never-issued", IDLE).blockOptional()).isEmpty();
    }
}
