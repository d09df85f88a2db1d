package io.latchkey.resourceserver.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RevocationGateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final RevocationStore store = new RevocationStore(10);
    private final RevocationStream stream = new RevocationStream(new RevocationStream.Settings("unused:9092", "t",
            Duration.ofMinutes(16), Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofSeconds(60),
            Duration.ofSeconds(1), Map.of()), store, new AuthEventParser(JsonMapper.builder().build(),
            Duration.ofMinutes(15)), () -> NOW, () -> { });

    @Test
    void givenATokenWithoutSidOrAnIntegralEpoch_theAnswerIsTheFallback_neverProceed() {
        RevocationGate unavailable = new RevocationGate(store, stream, false, () -> NOW);
        RevocationGate introspecting = new RevocationGate(store, stream, true, () -> NOW);

        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(
                Map.of("sub", "u1", "epoch", 3L),
                Map.of("sub", "u1", "sid", "s1"),
                Map.of("sub", "u1", "sid", "s1", "epoch", "3"),
                Map.of("sub", "u1", "sid", "s1", "epoch", 3.0),
                Map.of("sid", "s1", "epoch", 3L))) {
            assertThat(unavailable.decide(claims)).as(claims.toString()).isEqualTo(RevocationGate.Decision.UNAVAILABLE);
            assertThat(introspecting.decide(claims)).as(claims.toString())
                    .isEqualTo(RevocationGate.Decision.INTROSPECT);
        }
    }

    @Test
    void givenARevokedSessionOrEpoch_theTokenIsRevoked_whateverTheStreamState() {
        RevocationGate gate = new RevocationGate(store, stream, true, () -> NOW);
        store.revokeSession("s1", NOW.plusSeconds(60));
        store.raiseEpoch("u2", 5, NOW.plusSeconds(60));

        assertThat(gate.decide(Map.of("sub", "u1", "sid", "s1", "epoch", 9L))).isEqualTo(RevocationGate.Decision.REVOKED);
        assertThat(gate.decide(Map.of("sub", "u2", "sid", "s2", "epoch", 4L))).isEqualTo(RevocationGate.Decision.REVOKED);
        assertThat(gate.decide(Map.of("sub", "u2", "sid", "s2", "epoch", 5L)))
                .as("not caught up: fallback").isEqualTo(RevocationGate.Decision.INTROSPECT);
    }
}
