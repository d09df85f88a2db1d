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
 * Readiness describes this instance, not the stores every replica shares: an instance with its own PostgreSQL and
 * Redis, each stopped and started again. The stopped store shows DOWN in the health endpoint, while readiness and
 * liveness stay UP for several seconds (readiness used to go DOWN within one).
 */
class ReadinessIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration SAMPLED = Duration.ofSeconds(3);
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
        // So each store's health answers on its own path (the overall /actuator/health is DOWN either way).
        properties.put("management.endpoint.health.show-components", "always");
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
    void givenRedisThenPostgresStopping_healthShowsThemDown_whileReadinessAndLivenessStayUp() {
        await().atMost(WITHIN).until(() -> status("/actuator/health/readiness") == 200);

        privateRedis.stopRedis();
        try {
            await().atMost(WITHIN).until(() -> status("/actuator/health/redis") == 503);
            assertStaysReadyAndLive();
        } finally {
            privateRedis.startRedis();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/redis") == 200);

        postgres.stop();
        try {
            await().atMost(WITHIN).until(() -> status("/actuator/health/r2dbc") == 503);
            assertStaysReadyAndLive();
        } finally {
            postgres.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/r2dbc") == 200);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
    }

    private static void assertStaysReadyAndLive() {
        long until = System.nanoTime() + SAMPLED.toNanos();
        while (System.nanoTime() < until) {
            assertThat(status("/actuator/health")).as("the health endpoint shows the outage").isEqualTo(503);
            assertThat(status("/actuator/health/readiness")).as("readiness with a shared store down").isEqualTo(200);
            assertThat(status("/actuator/health/liveness")).as("liveness with a shared store down").isEqualTo(200);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int status(String path) {
        return HttpProbe.status(TwoInstances.url(app, path));
    }
}
