package io.latchkey.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Each server test-support hands out is real and answers its own protocol. */
class TestInfrastructureIT {

    private final TestInfrastructure infra = TestInfrastructure.shared();

    @Test
    void givenPostgres_query_runsOnARealServer() throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword());
                ResultSet rs = c.createStatement().executeQuery("SELECT version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
    }

    @Test
    void givenRedis_setAndGet_roundTrip() {
        Map<String, String> props = infra.redisProperties();
        try (Jedis jedis = new Jedis(props.get("spring.data.redis.host"), Integer.parseInt(props.get("spring.data.redis.port")))) {
            jedis.set("smoke", "ok");
            assertThat(jedis.get("smoke")).isEqualTo("ok");
        }
    }

    @Test
    void givenRedisStoppedAndStarted_itComesBackEmptyOnTheSamePort() {
        if (!infra.canStopRedis()) {
            return;
        }
        Map<String, String> props = infra.redisProperties();
        infra.stopRedis();
        infra.startRedis();
        try (Jedis jedis = new Jedis(props.get("spring.data.redis.host"), Integer.parseInt(props.get("spring.data.redis.port")))) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void givenRedisPaused_nothingAnswers_andResumedItStillHoldsItsKeys() {
        if (!infra.canStopRedis()) {
            return;
        }
        Map<String, String> props = infra.redisProperties();
        String host = props.get("spring.data.redis.host");
        int port = Integer.parseInt(props.get("spring.data.redis.port"));
        String key = "paused-" + UUID.randomUUID();
        try (Jedis jedis = new Jedis(host, port)) {
            jedis.set(key, "kept");
        }
        infra.pauseRedis();
        try {
            assertThatThrownBy(() -> {
                try (Jedis jedis = new Jedis(host, port, 300)) {
                    jedis.ping();
                }
            }).as("a paused Redis accepts the connection but never answers").isInstanceOf(JedisConnectionException.class);
        } finally {
            infra.resumeRedis();
        }
        try (Jedis jedis = new Jedis(host, port)) {
            assertThat(jedis.get(key)).isEqualTo("kept");
        }
    }

    @Test
    void givenKafka_producedRecord_isConsumed() throws Exception {
        String topic = "smoke-" + UUID.randomUUID();
        String bootstrap = infra.kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "user-1", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "smoke",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    var record = records.iterator().next();
                    assertThat(record.key()).isEqualTo("user-1");
                    assertThat(record.value()).isEqualTo("hello");
                    return;
                }
            }
            throw new AssertionError("no record consumed within 30 s");
        }
    }
}
