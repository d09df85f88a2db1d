package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * One trace from the logout request to each consumer's purge: the outbox row keeps the request's W3C traceparent,
 * the relay's producer span continues it into the Kafka record's {@code traceparent} header, and the near-cache and
 * shared-cache purges run in spans of that same trace.
 */
class TracePropagationIT extends IntegrationTest {

    private static final String TOPIC = "latchkey.auth-events.v1";
    private static final HexFormat HEX = HexFormat.of();

    /** Trace ids seen at the start of each purge, by tier; fed by a handler added to the live registry. */
    private static final Map<String, Set<String>> PURGE_TRACES = new ConcurrentHashMap<>();

    @Autowired
    private ObservationRegistry observations;

    @Test
    void givenALogoutWithATraceparent_theTraceIdReachesTheOutboxTheRecordAndEachPurge() throws Exception {
        observations.observationConfig().observationHandler(new PurgeTraceRecorder());
        String traceId = randomHex(16);
        String requestSpanId = randomHex(8);
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        String userId = SignedJWT.parse(access).getJWTClaimsSet().getSubject();

        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .header("traceparent", "00-" + traceId + "-" + requestSpanId + "-01")
                .exchange().expectStatus().isNoContent();

        String stored = storedTraceParent(userId, "io.latchkey.session.revoked");
        assertThat(stored).as("the outbox row's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01");

        List<ConsumerRecord<String, String>> records = TopicReader.read(TOPIC,
                r -> userId.equals(r.key()) && "io.latchkey.session.revoked".equals(TopicReader.header(r, "ce_type")),
                1, Duration.ofSeconds(15));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        String onTheWire = TopicReader.header(record, "traceparent");
        assertThat(onTheWire).as("the record's traceparent").startsWith("00-" + traceId + "-");
        assertThat(spanIdOf(onTheWire)).as("the relay's producer span, a child of the stored context")
                .isNotEqualTo(spanIdOf(stored)).isNotEqualTo(requestSpanId);
        assertThat(TopicReader.header(record, "ce_id")).as("the CloudEvents headers stay").isNotBlank();
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(userId);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(PURGE_TRACES.getOrDefault("near", Set.of())).as("near-cache purge traces").contains(traceId);
            assertThat(PURGE_TRACES.getOrDefault("shared", Set.of())).as("shared-cache purge traces").contains(traceId);
        });
    }

    private static String storedTraceParent(String userId, String type) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT trace_parent FROM outbox WHERE aggregate_id = ?::uuid AND event_type = ?")) {
            q.setString(1, userId);
            q.setString(2, type);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).as("an outbox row of type %s", type).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static String spanIdOf(String traceParent) {
        return traceParent.split("-")[2];
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HEX.formatHex(random);
    }

    /** Records the trace id of every purge observation once the tracing handler (registered first) gave it a span. */
    private static final class PurgeTraceRecorder implements ObservationHandler<Observation.Context> {

        @Override
        public void onStart(Observation.Context context) {
            TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
            Span span = tracing == null ? null : tracing.getSpan();
            String tier = context.getLowCardinalityKeyValue("tier") == null ? null
                    : context.getLowCardinalityKeyValue("tier").getValue();
            if (span != null && tier != null) {
                PURGE_TRACES.computeIfAbsent(tier, t -> ConcurrentHashMap.newKeySet()).add(span.context().traceId());
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return "latchkey.cache.purge".equals(context.getName());
        }
    }
}
