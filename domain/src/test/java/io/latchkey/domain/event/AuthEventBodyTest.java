package io.latchkey.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AuthEventBodyTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");
    private final UserId user = new UserId(UUID.randomUUID());
    private final SessionId session = new SessionId(UUID.randomUUID());

    private SessionRevoked revoked(RevocationReason reason) {
        return new SessionRevoked(UUID.randomUUID(), user, AT, List.of(session), reason, AT.plusSeconds(900));
    }

    @ParameterizedTest
    @EnumSource(RevocationReason.class)
    void givenARevocation_whatIsWrittenReadsBackWithItsReasonAndSessions(RevocationReason reason) {
        SessionRevoked event = revoked(reason);
        Map<String, Object> body = AuthEventBody.write(event);
        assertThat(body).containsEntry("type", "io.latchkey.session.revoked").containsEntry("reason", reason.wireValue());

        AuthEventBody.Received read = AuthEventBody.read(body);
        assertThat(read.eventId()).isEqualTo(event.eventId());
        assertThat(read.userId()).isEqualTo(user);
        assertThat(read.isRevocation()).isTrue();
        assertThat(read.reason()).isEqualTo(reason);
        assertThat(read.sessionIds()).containsExactly(session);
        assertThat(read.accessTokensValidUntil()).isEqualTo(AT.plusSeconds(900));
        assertThat(read.concernsWholeUser()).isEqualTo(reason.endsEverySession());
    }

    @Test
    void theReasonsThatEndEverySessionAreTheAccountWideOnes() {
        assertThat(List.of(RevocationReason.values()).stream().filter(RevocationReason::endsEverySession).toList())
                .containsExactlyInAnyOrder(RevocationReason.LOGOUT_ALL, RevocationReason.PASSWORD_CHANGED,
                        RevocationReason.ADMIN, RevocationReason.ACCOUNT_DELETED);
    }

    @Test
    void givenAUserStateChange_everythingAboutTheUserIsConcerned() {
        AuthEventBody.Received read = AuthEventBody.read(AuthEventBody.write(
                new UserUpdated(UUID.randomUUID(), user, AT, List.of("roles"))));
        assertThat(read.concernsWholeUser()).isTrue();
        assertThat(read.isRevocation()).isFalse();
    }

    @Test
    void givenAnUnknownTypeOrReason_itIsValidAndAsksForNothingMore() {
        Map<String, Object> unknownType = new HashMap<>(AuthEventBody.write(revoked(RevocationReason.LOGOUT)));
        unknownType.put("type", "io.latchkey.something.new");
        assertThat(AuthEventBody.read(unknownType).concernsWholeUser()).isFalse();

        Map<String, Object> unknownReason = new HashMap<>(AuthEventBody.write(revoked(RevocationReason.LOGOUT_ALL)));
        unknownReason.put("reason", "a_future_reason");
        AuthEventBody.Received read = AuthEventBody.read(unknownReason);
        assertThat(read.reason()).isNull();
        assertThat(read.concernsWholeUser()).isFalse();
        assertThat(read.sessionIds()).containsExactly(session);
    }

    @Test
    void givenAMissingOrMalformedField_readingFails() {
        Map<String, Object> noUser = new HashMap<>(AuthEventBody.write(revoked(RevocationReason.LOGOUT)));
        noUser.remove("user_id");
        assertThatThrownBy(() -> AuthEventBody.read(noUser)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user_id");
        Map<String, Object> badId = new HashMap<>(AuthEventBody.write(revoked(RevocationReason.LOGOUT)));
        badId.put("event_id", "not-a-uuid");
        assertThatThrownBy(() -> AuthEventBody.read(badId)).isInstanceOf(IllegalArgumentException.class);
    }
}
