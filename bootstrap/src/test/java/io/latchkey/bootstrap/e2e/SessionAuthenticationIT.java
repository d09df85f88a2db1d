package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a session was authenticated travels from the login into the access token, through refresh, and onto the topic. */
class SessionAuthenticationIT extends IntegrationTest {

    private static final String TOPIC = "latchkey.auth-events.v1";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void givenPasswordLogin_accessTokenCarriesAmrAndAuthTime_andRefreshKeepsThem() throws Exception {
        String email = uniqueEmail();
        register(email);
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> tokens = login(email);
        JWTClaimsSet first = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();

        assertThat(first.getStringListClaim("amr")).containsExactly("pwd");
        Long authTime = first.getLongClaim("auth_time");
        assertThat(Instant.ofEpochSecond(authTime)).isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Instant.now());
        assertThat(first.getClaims()).doesNotContainKey("idp");

        Map<String, Object> refreshed = refresh((String) tokens.get("refresh_token"));
        JWTClaimsSet second = SignedJWT.parse((String) refreshed.get("access_token")).getJWTClaimsSet();
        assertThat(second.getJWTID()).isNotEqualTo(first.getJWTID());
        assertThat(second.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(second.getLongClaim("auth_time")).isEqualTo(authTime);
        me((String) refreshed.get("access_token")).expectStatus().isOk();
    }

    @Test
    void givenPasswordLogin_sessionStartedOnTheTopicCarriesAmr() throws Exception {
        String email = uniqueEmail();
        register(email);
        String userId = SignedJWT.parse(accessTokenFor(email)).getJWTClaimsSet().getSubject();

        List<ConsumerRecord<String, String>> records = TopicReader.read(TOPIC,
                r -> userId.equals(r.key()) && "io.latchkey.session.started".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        JsonNode body = json.readTree(records.get(0).value());
        assertThat(body.get("amr").isArray()).isTrue();
        assertThat(body.get("amr").get(0).asString()).isEqualTo("pwd");
        assertThat(body.get("amr").size()).isEqualTo(1);
        assertThat(body.has("idp")).isFalse();
    }
}
