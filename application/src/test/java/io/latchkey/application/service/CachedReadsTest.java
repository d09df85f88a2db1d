package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The read-through while the shared cache is unavailable: the store of record, kept in this instance's copy. */
class CachedReadsTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final CachedReads reads = new CachedReads(kit.cache, kit.gate);
    private final UserId user = new UserId(UUID.randomUUID());
    private final AuthSnapshot snapshot = new AuthSnapshot(user, new SessionId(UUID.randomUUID()), Set.of("USER"), true,
            0, kit.clock.instant().plus(Duration.ofDays(1)));
    private final AtomicInteger recordReads = new AtomicInteger();

    CachedReadsTest() {
        kit.cache.simulateOutage(true);
    }

    @Test
    void givenCacheDown_aFallbackAnswerIsKeptLocally_andTheNextReadDoesNotGoToTheRecord() {
        assertThat(reads.session(user, snapshot.sessionId(), this::record).block()).isEqualTo(snapshot);
        assertThat(reads.session(user, snapshot.sessionId(), this::record).block()).isEqualTo(snapshot);

        assertThat(recordReads).as("the second read is answered by this instance's copy").hasValue(1);
        assertThat(kit.cache.holdsLocally(snapshot.sessionId())).isTrue();
    }

    @Test
    void givenCacheDown_aLocalPurgeDuringTheFallbackLookup_dropsItsFill() {
        AuthSnapshot read = reads.session(user, snapshot.sessionId(), () -> kit.cache.evictLocalUser(user)
                .then(record())).block();

        assertThat(read).isEqualTo(snapshot);
        assertThat(kit.cache.holdsLocally(snapshot.sessionId())).as("purged while it was being read").isFalse();
    }

    private Mono<AuthSnapshot> record() {
        return Mono.fromSupplier(() -> {
            recordReads.incrementAndGet();
            return snapshot;
        });
    }
}
