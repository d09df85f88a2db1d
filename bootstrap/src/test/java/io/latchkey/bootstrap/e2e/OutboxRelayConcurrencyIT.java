package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.service.RelayOutboxService;
import io.latchkey.application.usecase.RelayOutboxCommand;
import io.latchkey.domain.model.outbox.RetryPolicy;
import io.latchkey.domain.port.EventStreamProducer;
import io.latchkey.domain.port.OutboxRepository;
import io.latchkey.domain.port.TransactionRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Three relays on one outbox (the application's own loop and two more, as on three instances): every row is
 * published exactly once, counted on the topic.
 */
class OutboxRelayConcurrencyIT extends IntegrationTest {

    private static final int ROWS = 300;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    TransactionRunner transactions;

    @Autowired
    EventStreamProducer stream;

    @Test
    void givenRelaysRacingForTheSameRows_eachRowIsPublishedOnce() throws Exception {
        String marker = "relay-" + UUID.randomUUID();
        Set<String> ids = new HashSet<>();
        try (Connection db = jdbc(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outbox (id, aggregate_id, event_type, occurred_at, payload) VALUES (?::uuid, ?::uuid, ?, now(), ?::jsonb)")) {
            for (int i = 0; i < ROWS; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "io.latchkey.test." + marker);
                insert.setString(4, "{\"event_id\":\"" + id + "\",\"type\":\"io.latchkey.test." + marker
                        + "\",\"user_id\":\"" + UUID.randomUUID() + "\",\"occurred_at\":\"" + Instant.now() + "\"}");
                insert.addBatch();
            }
            insert.executeBatch();
        }

        RelayOutboxService relay = new RelayOutboxService(outbox, stream, transactions, RetryPolicy.DEFAULT,
                InstantSource.system());
        Flux.range(0, 2)
                .flatMap(worker -> Mono.defer(() -> relay.relay(new RelayOutboxCommand(20))).repeat(40).then())
                .blockLast(Duration.ofSeconds(60));

        List<ConsumerRecord<String, String>> records = TopicReader.read("latchkey.auth-events.v1",
                r -> ("io.latchkey.test." + marker).equals(TopicReader.header(r, "ce_type")), ROWS + 1, Duration.ofSeconds(8));
        Map<String, Long> perId = records.stream()
                .collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"), Collectors.counting()));
        assertThat(perId.keySet()).isEqualTo(ids);
        assertThat(perId.values()).allMatch(count -> count == 1);
    }
}
