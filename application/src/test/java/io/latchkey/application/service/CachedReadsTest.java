package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.error.AuthCacheUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.testfixtures.InMemoryAuthCache;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CachedReadsTest {

    private final InMemoryAuthCache cache = new InMemoryAuthCache();
    private final CachedReads reads = new CachedReads(cache, new FallbackGate(2));
    private final UserId userId = new UserId(UUID.randomUUID());
    private final SessionId sessionId = new SessionId(UUID.randomUUID());
    private final AuthSnapshot snapshot = new AuthSnapshot(userId, sessionId, Set.of("user"), true, 0,
            Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void givenTheSharedTierDown_theFallbackAnswerIsKeptNear_andTheNextReadNeedsNoLookup() {
        cache.simulateOutage(true);
        assertThat(reads.session(userId, sessionId, this::record).block()).isEqualTo(snapshot);
        assertThat(reads.session(userId, sessionId, this::record).block()).isEqualTo(snapshot);
        assertThat(lookups).as("lookups in the store of record").hasValue(1);
        assertThat(cache.holdsLocally(sessionId)).isTrue();
        assertThat(cache.sharedSession(sessionId)).as("nothing reached the shared tier").isNull();
    }

    @Test
    void givenThePerInstanceEventPurgesTheCopy_theNextReadLooksUpTheRecordAgain() {
        cache.simulateOutage(true);
        reads.session(userId, sessionId, this::record).block();
        cache.evictLocalSession(userId, sessionId).block();
        StepVerifier.create(reads.session(userId, sessionId, () -> Mono.error(new IllegalStateException("revoked"))))
                .expectErrorMessage("revoked").verify();
    }

    @Test
    void givenAPurgeWhileTheFallbackLooksUp_itsAnswerIsNotKept() {
        cache.simulateOutage(true);
        AuthSnapshot answered = reads.session(userId, sessionId, () -> Mono.fromCallable(() -> {
            cache.evictLocalUser(userId).block();
            return snapshot;
        })).block();
        assertThat(answered).as("the request itself gets the answer it looked up").isEqualTo(snapshot);
        assertThat(cache.holdsLocally(sessionId)).as("a fill older than the purge").isFalse();
    }

    @Test
    void givenTheFallbackFull_nothingIsLookedUpOrKept() {
        FallbackGate full = new FallbackGate(1);
        full.through(Mono::never, new IllegalStateException()).subscribe();
        cache.simulateOutage(true);
        StepVerifier.create(new CachedReads(cache, full).session(userId, sessionId, this::record))
                .expectError(AuthCacheUnavailableException.class).verify();
        assertThat(lookups).hasValue(0);
        assertThat(cache.holdsLocally(sessionId)).isFalse();
    }

    @Test
    void givenBypassing_theAnswerIsNeverKept() {
        reads.bypassing(this::record, new IllegalStateException("no cache can be trusted")).block();
        assertThat(cache.holdsLocally(sessionId)).isFalse();
        assertThat(cache.sharedSession(sessionId)).isNull();
    }

    private Mono<AuthSnapshot> record() {
        return Mono.fromCallable(() -> {
            lookups.incrementAndGet();
            return snapshot;
        });
    }
}
