package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.bootstrap.LatchkeyApplication;
import io.latchkey.bootstrap.testing.HttpProbe;
import io.latchkey.testsupport.RestartablePostgres;
import io.latchkey.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Readiness follows the stores a request needs, liveness does not: an instance with its own PostgreSQL and
 * Redis, each stopped and started again. Readiness must go DOWN within 10 s and come back.
 */
class ReadinessIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static RestartablePostgres postgres;
    private static TestInfrastructure privateRedis;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.start();
        privateRedis = TestInfrastructure.unmanaged();
        Map<String, String> properties = new HashMap<>(postgres.properties());
        properties.putAll(privateRedis.redisProperties());
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put("latchkey.token.signing.allow-ephemeral", "true");
        properties.put("latchkey.events.consumers-enabled", "false");
        properties.put("server.port", "0");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        app = new SpringApplicationBuilder(LatchkeyApplication.class).run(args);
    }

    @AfterAll
    static void stop() {
        app.close();
        privateRedis.close();
        postgres.close();
    }

    @Test
    void givenRedisThenPostgresStopping_readinessGoesDownAndBack_livenessStaysUp() {
        await().atMost(WITHIN).until(() -> status("/actuator/health/readiness") == 200);

        privateRedis.stopRedis();
        long stopped = System.nanoTime();
        await().atMost(WITHIN).until(() -> status("/actuator/health/readiness") == 503);
        System.out.printf("readiness DOWN %d ms after Redis stopped%n", (System.nanoTime() - stopped) / 1_000_000);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        privateRedis.startRedis();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);

        postgres.stop();
        stopped = System.nanoTime();
        await().atMost(WITHIN).until(() -> status("/actuator/health/readiness") == 503);
        System.out.printf("readiness DOWN %d ms after PostgreSQL stopped%n", (System.nanoTime() - stopped) / 1_000_000);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        postgres.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
    }

    private static int status(String path) {
        return HttpProbe.status(TwoInstances.url(app, path));
    }
}
