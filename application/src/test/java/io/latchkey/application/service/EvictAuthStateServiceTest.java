package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.testfixtures.InMemoryEventLedger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvictAuthStateServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final UserId user = new UserId(UUID.randomUUID());
    private final SessionId first = new SessionId(UUID.randomUUID());
    private final SessionId second = new SessionId(UUID.randomUUID());

    EvictAuthStateServiceTest() {
        for (SessionId sid : List.of(first, second)) {
            AuthSnapshot snapshot = new AuthSnapshot(user, sid, Set.of("USER"), false, 0, kit.clock.instant().plus(Duration.ofDays(1)));
            kit.cache.putSession(snapshot, new PurgeCount(0, 0)).block();
        }
    }

    @Test
    void givenSessionEvent_sharedAndLocalEviction_purgeOnlyThoseSessionsOncePerEvent() {
        EvictSharedAuthStateService shared = new EvictSharedAuthStateService(kit.cache, new InMemoryEventLedger());
        EvictLocalAuthStateService local = new EvictLocalAuthStateService(kit.cache, new InMemoryEventLedger());
        EvictUserAuthStateCommand event = new EvictUserAuthStateCommand(UUID.randomUUID(), user, List.of(first), false);

        assertThat(shared.evictShared(event).block()).isTrue();
        assertThat(local.evictLocal(event).block()).isTrue();
        assertThat(shared.evictShared(event).block()).as("duplicate").isFalse();
        assertThat(local.evictLocal(event).block()).as("duplicate").isFalse();

        assertThat(kit.cache.findSession(user, first).block()).isNull();
        assertThat(kit.cache.holdsLocally(first)).isFalse();
        assertThat(kit.cache.findSession(user, second).block()).isNotNull();
        assertThat(kit.cache.holdsLocally(second)).isTrue();
    }

    @Test
    void givenUserEvent_eviction_purgesEverySession() {
        EvictUserAuthStateCommand event = new EvictUserAuthStateCommand(UUID.randomUUID(), user, List.of(), true);
        new EvictSharedAuthStateService(kit.cache, new InMemoryEventLedger()).evictShared(event).block();
        new EvictLocalAuthStateService(kit.cache, new InMemoryEventLedger()).evictLocal(event).block();
        assertThat(kit.cache.findSession(user, second).block()).isNull();
        assertThat(kit.cache.holdsLocally(first)).isFalse();
        assertThat(kit.cache.holdsLocally(second)).isFalse();
    }

    @Test
    void givenEventThatAsksForNothing_eviction_purgesNothing_andNeverAsksTheLedger() {
        EvictUserAuthStateCommand event = new EvictUserAuthStateCommand(UUID.randomUUID(), user, List.of(), false);
        InMemoryEventLedger ledger = new InMemoryEventLedger();
        EvictSharedAuthStateService shared = new EvictSharedAuthStateService(kit.cache, ledger);
        assertThat(shared.evictShared(event).block()).isTrue();
        assertThat(shared.evictShared(event).block()).as("a redelivery has nothing to repeat either").isTrue();
        assertThat(ledger.isRecorded(event.eventId()).block()).as("no ledger round trip").isFalse();
        assertThat(kit.cache.findSession(user, first).block()).isNotNull();
        assertThat(kit.cache.holdsLocally(first)).isTrue();
    }
}
