package io.latchkey.domain.testfixtures;

import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.UserAuthCache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** The auth cache contract in memory; can simulate an outage. */
public final class InMemoryUserAuthCache implements UserAuthCache {

    private final Map<UserId, Long> generations = new ConcurrentHashMap<>();
    private final Map<SessionId, AuthSnapshot> sessions = new ConcurrentHashMap<>();
    private final Map<UserId, UserProfile> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger sessionHits = new AtomicInteger();
    private volatile boolean down;

    @Override
    public synchronized Mono<Long> generation(UserId userId) {
        return guard(Mono.fromCallable(() -> generations.getOrDefault(userId, 0L)));
    }

    @Override
    public Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        return guard(Mono.justOrEmpty(sessions.get(sessionId)).filter(s -> s.userId().equals(userId))
                .doOnNext(hit -> sessionHits.incrementAndGet()));
    }

    @Override
    public Mono<Void> putSession(AuthSnapshot snapshot, long expectedGeneration) {
        return guard(Mono.fromRunnable(() -> {
            synchronized (this) {
                if (generations.getOrDefault(snapshot.userId(), 0L) == expectedGeneration) {
                    sessions.put(snapshot.sessionId(), snapshot);
                }
            }
        }));
    }

    @Override
    public Mono<UserProfile> findProfile(UserId userId) {
        return guard(Mono.justOrEmpty(profiles.get(userId)));
    }

    @Override
    public Mono<Void> putProfile(UserProfile profile, long expectedGeneration) {
        return guard(Mono.fromRunnable(() -> {
            synchronized (this) {
                if (generations.getOrDefault(profile.id(), 0L) == expectedGeneration) {
                    profiles.put(profile.id(), profile);
                }
            }
        }));
    }

    @Override
    public Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        return guard(Mono.fromRunnable(() -> {
            synchronized (this) {
                sessions.remove(sessionId);
                generations.merge(userId, 1L, Long::sum);
            }
        }));
    }

    @Override
    public Mono<Void> evictUser(UserId userId) {
        return guard(Mono.fromRunnable(() -> {
            synchronized (this) {
                sessions.values().removeIf(s -> s.userId().equals(userId));
                profiles.remove(userId);
                generations.merge(userId, 1L, Long::sum);
            }
        }));
    }

    public void simulateOutage(boolean outage) {
        this.down = outage;
    }

    public int sessionHits() {
        return sessionHits.get();
    }

    private <T> Mono<T> guard(Mono<T> operation) {
        return Mono.defer(() -> down
                ? Mono.error(new DependencyUnavailableException("redis", new IllegalStateException("simulated outage")))
                : operation);
    }
}
