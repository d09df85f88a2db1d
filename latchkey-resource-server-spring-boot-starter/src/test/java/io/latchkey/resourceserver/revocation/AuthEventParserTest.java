package io.latchkey.resourceserver.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuthEventParserTest {

    private final AuthEventParser parser = new AuthEventParser(JsonMapper.builder().build(), Duration.ofMinutes(15));

    @Test
    void givenLogoutAll_readsSessionsUserAndEpoch() {
        AuthEventRecord parsed = parser.parse("""
                {"event_id":"e1","type":"io.latchkey.session.revoked","schema_version":1,"user_id":"u1",
                 "occurred_at":"2026-11-30T12:00:00Z","session_ids":["s1","s2"],"reason":"logout_all",
                 "access_tokens_valid_until":"2026-11-30T12:15:00Z","account_epoch":7,"future_field":{"x":1}}""");

        assertThat(parsed).isEqualTo(new AuthEventRecord.Revocation("u1", List.of("s1", "s2"), 7L,
                Instant.parse("2026-11-30T12:15:00Z")));
    }

    @Test
    void givenLogoutWithoutEpochOrValidUntil_keepsTheEntryForTheLongestLifetime() {
        AuthEventRecord parsed = parser.parse("""
                {"type":"io.latchkey.session.revoked","user_id":"u1","occurred_at":"2026-11-30T12:00:00Z",
                 "session_ids":["s1"],"reason":"logout"}""");

        assertThat(parsed).isEqualTo(new AuthEventRecord.Revocation("u1", List.of("s1"), null,
                Instant.parse("2026-11-30T12:15:00Z")));
    }

    @Test
    void givenHeartbeat_readsItsTime() {
        assertThat(parser.parse("""
                {"type":"io.latchkey.relay.heartbeat","schema_version":1,"emitted_at":"2026-11-30T12:00:02Z"}"""))
                .isEqualTo(new AuthEventRecord.Heartbeat(Instant.parse("2026-11-30T12:00:02Z")));
    }

    @Test
    void givenTypesThisVersionDoesNotKnow_ignoresThem() {
        assertThat(parser.parse("""
                {"type":"io.latchkey.user.mfa_enrolled","user_id":"u1","occurred_at":"2026-11-30T12:00:00Z"}"""))
                .isEqualTo(new AuthEventRecord.Ignored("io.latchkey.user.mfa_enrolled"));
        assertThat(parser.parse("""
                {"type":"io.latchkey.session.started","user_id":"u1","session_ids":["s1"]}"""))
                .isInstanceOf(AuthEventRecord.Ignored.class);
    }

    @Test
    void givenUnreadableRecords_reportsThemWithoutThrowing() {
        assertThat(parser.parse("not json")).isInstanceOf(AuthEventRecord.Unreadable.class);
        assertThat(parser.parse("[1,2]")).isInstanceOf(AuthEventRecord.Unreadable.class);
        assertThat(parser.parse("{\"user_id\":\"u1\"}")).isInstanceOf(AuthEventRecord.Unreadable.class);
        assertThat(parser.parse("""
                {"type":"io.latchkey.session.revoked","user_id":"u1","occurred_at":"yesterday"}"""))
                .isInstanceOf(AuthEventRecord.Unreadable.class);
        assertThat(parser.parse("""
                {"type":"io.latchkey.session.revoked","occurred_at":"2026-11-30T12:00:00Z"}"""))
                .isInstanceOf(AuthEventRecord.Unreadable.class);
        assertThat(parser.parse("""
                {"type":"io.latchkey.relay.heartbeat"}""")).isInstanceOf(AuthEventRecord.Unreadable.class);
    }

    @Test
    void givenAWrongTypedAccountEpoch_theRevocationIsUnreadable_notReadWithoutItsEpoch() {
        for (String epoch : List.of("\"7\"", "7.5", "true", "{}")) {
            AuthEventRecord parsed = parser.parse("""
                    {"type":"io.latchkey.session.revoked","user_id":"u1","occurred_at":"2026-11-30T12:00:00Z",
                     "session_ids":["s1"],"account_epoch":%s}""".formatted(epoch));

            assertThat(parsed).as(epoch).isInstanceOf(AuthEventRecord.Unreadable.class);
            assertThat(((AuthEventRecord.Unreadable) parsed).revocation()).isTrue();
        }
    }
}
