package io.latchkey.resourceserver.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void givenRevokedSession_itsTokensAreRevokedUntilTheEntryExpires() {
        RevocationStore store = new RevocationStore(10);
        store.revokeSession("s1", NOW.plusSeconds(60));

        assertThat(store.isRevoked("s1", "u1", 5, NOW)).isTrue();
        assertThat(store.isRevoked("s2", "u1", 5, NOW)).isFalse();
        assertThat(store.isRevoked("s1", "u1", 5, NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void givenRaisedEpoch_onlyTokensBelowItAreRevoked() {
        RevocationStore store = new RevocationStore(10);
        store.raiseEpoch("u1", 3, NOW.plusSeconds(60));

        assertThat(store.isRevoked("any", "u1", 2, NOW)).isTrue();
        assertThat(store.isRevoked("any", "u1", 3, NOW)).as("issued after the revocation").isFalse();
        assertThat(store.isRevoked("any", "u2", 0, NOW)).isFalse();
    }

    @Test
    void givenDuplicatedAndOutOfOrderEvents_addingOnlyTightens() {
        RevocationStore store = new RevocationStore(10);
        store.raiseEpoch("u1", 4, NOW.plusSeconds(120));
        store.raiseEpoch("u1", 2, NOW.plusSeconds(30));   // an older event arriving late
        store.raiseEpoch("u1", 4, NOW.plusSeconds(120));  // a duplicate
        store.revokeSession("s1", NOW.plusSeconds(120));
        store.revokeSession("s1", NOW.plusSeconds(10));

        assertThat(store.isRevoked("x", "u1", 3, NOW.plusSeconds(100))).isTrue();
        assertThat(store.isRevoked("s1", "u9", 9, NOW.plusSeconds(100))).isTrue();
        assertThat(store.userEntries()).isEqualTo(1);
        assertThat(store.sessionEntries()).isEqualTo(1);
    }

    @Test
    void givenExpiredEntries_expireForgetsThemAndFreesRoom() {
        RevocationStore store = new RevocationStore(2);
        store.revokeSession("s1", NOW.plusSeconds(10));
        store.raiseEpoch("u1", 1, NOW.plusSeconds(10));

        store.expire(NOW.plusSeconds(10));

        assertThat(store.sessionEntries() + store.userEntries()).isZero();
        store.revokeSession("s2", NOW.plusSeconds(60));
        store.revokeSession("s3", NOW.plusSeconds(60));
        assertThat(store.overflowing(NOW.plusSeconds(11))).isFalse();
    }

    @Test
    void givenStormBeyondCapacity_sizeStaysBounded_andStoreReportsOverflowUntilTheDroppedEntryWouldHaveExpired() {
        RevocationStore store = new RevocationStore(100);
        for (int i = 0; i < 1_000; i++) {
            store.revokeSession("s" + i, NOW.plus(Duration.ofMinutes(15)));
        }

        assertThat(store.sessionEntries()).isEqualTo(100);
        assertThat(store.overflowing(NOW)).isTrue();
        store.expire(NOW.plus(Duration.ofMinutes(15)));
        assertThat(store.sessionEntries()).isZero();
        assertThat(store.overflowing(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }
}
