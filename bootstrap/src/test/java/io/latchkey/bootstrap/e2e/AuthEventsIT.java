package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.latchkey.domain.port.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event contract on the real topic, and what consumers do with duplicates, stale and broken messages. */
class AuthEventsIT extends IntegrationTest {

    private static final String TOPIC = "latchkey.auth-events.v1";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    OutboxRepository outbox;

    @Test
    void givenLogout_theTopicCarriesASessionRevokedCloudEventKeyedByUser() throws Exception {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        var claims = SignedJWT.parse(access).getJWTClaimsSet();
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + access).exchange()
                .expectStatus().isNoContent();

        List<ConsumerRecord<String, String>> records = TopicReader.read(TOPIC,
                r -> claims.getSubject().equals(r.key()) && "io.latchkey.session.revoked".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/latchkey");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(claims.getSubject());
        assertThat(Instant.parse(TopicReader.header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        JsonNode body = json.readTree(record.value());
        assertThat(body.get("event_id").asString()).isEqualTo(TopicReader.header(record, "ce_id"));
        assertThat(body.get("reason").asString()).isEqualTo("logout");
        assertThat(body.get("session_ids").get(0).asString()).isEqualTo(claims.getStringClaim("sid"));
        assertThat(Instant.parse(body.get("access_tokens_valid_until").asString())).isAfter(Instant.now());

        List<String> types = TopicReader.read(TOPIC, r -> claims.getSubject().equals(r.key()), 3, Duration.ofSeconds(10))
                .stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertThat(types).containsExactly("io.latchkey.user.registered", "io.latchkey.session.started",
                "io.latchkey.session.revoked");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog().block().pending() == 0);
    }

    @Test
    void givenMalformedMessage_eachConsumerGroupDeadLettersItWithTheReason() {
        String key = "poison-" + UUID.randomUUID();
        TopicReader.write(TOPIC, key, "{not json");
        List<ConsumerRecord<String, String>> dead = TopicReader.read(TOPIC + ".dlt", r -> key.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(2).allSatisfy(record -> {
            assertThat(record.value()).isEqualTo("{not json");
            assertThat(TopicReader.header(record, "kafka_dlt-exception-message")).contains("not JSON");
        });
        assertThat(dead).extracting(record -> TopicReader.header(record, "kafka_dlt-original-consumer-group"))
                .anyMatch("latchkey-auth-cache"::equals)
                .anyMatch(group -> group.startsWith("latchkey-near-"));
    }

    @Test
    void givenDuplicateAndStaleRevocationsForALiveSession_theyOnlyPurgeAndTheSessionKeepsWorking() throws Exception {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        var claims = SignedJWT.parse(access).getJWTClaimsSet();
        String userId = claims.getSubject();
        UUID eventId = UUID.randomUUID();
        String stale = revocation(eventId, userId, claims.getStringClaim("sid"), Instant.now().minus(Duration.ofDays(1)));
        String older = revocation(UUID.randomUUID(), userId, claims.getStringClaim("sid"), Instant.now().minus(Duration.ofDays(2)));

        TopicReader.write(TOPIC, userId, stale);
        TopicReader.write(TOPIC, userId, stale);
        TopicReader.write(TOPIC, userId, older);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Boolean.TRUE.equals(redis.hasKey("lk:evt:auth-cache:" + eventId).block()));
        me(access).expectStatus().isOk();
        me(access).expectStatus().isOk();
    }

    private String revocation(UUID eventId, String userId, String sessionId, Instant at) {
        return json.writeValueAsString(Map.of("event_id", eventId.toString(), "type", "io.latchkey.session.revoked",
                "schema_version", 1, "user_id", userId, "occurred_at", at.toString(), "session_ids", List.of(sessionId),
                "reason", "logout", "access_tokens_valid_until", at.plusSeconds(900).toString()));
    }
}
