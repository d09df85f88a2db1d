package io.latchkey.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.latchkey.testsupport.RestartablePostgres;
import io.latchkey.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on a PostgreSQL primary that is stopped and started again (same port, same data) under a load of
 * logins and logouts: during the gap writes answer 503 at once instead of hanging, the R2DBC pools reconnect by
 * themselves, and every login or logout acknowledged to a client is in the database afterwards. A restart, not a
 * replica promotion: the embedded binaries are started by a library that does not set up streaming replication.
 */
class PostgresRestartIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration GAP = Duration.ofSeconds(4);
    private static RestartablePostgres postgres;
    private static ClusteredInstances instances;
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.start();
        instances = new ClusteredInstances(TestInfrastructure.clustered(), postgres.properties());
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void givenThePrimaryRestartedUnderLoad_writesAnswer503Fast_thePoolsRecover_andNoAcknowledgedWriteIsLost()
            throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = "pg-" + UUID.randomUUID() + "@example.com";
            assertThat(instances.post(instances.a, "/api/v1/accounts", credentials(email), null, address(i)).statusCode())
                    .isEqualTo(202);
            emails.add(email);
        }
        Load load = new Load(emails);
        load.start();
        long stopped;
        long resumed;
        try {
            Thread.sleep(2_000);
            postgres.stop();
            stopped = System.nanoTime();
            Thread.sleep(GAP.toMillis());
            postgres.resume();
            resumed = System.nanoTime();
            // The pools find the server again by themselves: logins succeed on both instances.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> load.lastSuccess.get() > resumed);
            System.out.printf("PostgreSQL restart: down %d ms; first acknowledged login %d ms after the restart%n",
                    (resumed - stopped) / 1_000_000, (load.lastSuccess.get() - resumed) / 1_000_000);
            Thread.sleep(2_000);
        } finally {
            load.stop();
        }
        List<Long> gapMillis = new ArrayList<>(load.gapMillis);
        Collections.sort(gapMillis);
        System.out.printf("PostgreSQL restart under load: %d requests, %d acknowledged logins, %d acknowledged logouts, "
                        + "%d answered 503 (p50 %d ms, max %d ms), other answers %s%n", load.requests.get(),
                load.loggedIn.size(), load.loggedOut.size(), gapMillis.size(),
                gapMillis.isEmpty() ? 0 : gapMillis.get(gapMillis.size() / 2), gapMillis.isEmpty() ? 0 : gapMillis.getLast(),
                load.other);

        assertThat(load.other).as("answers other than 200/204 and 503").isEmpty();
        assertThat(gapMillis).as("writes refused during the gap").isNotEmpty();
        assertThat(gapMillis.getLast()).as("slowest 503: fails fast instead of hanging").isLessThan(3_000);
        try (Connection c = DriverManager.getConnection(postgres.properties().get("spring.flyway.url"), "postgres", "")) {
            for (String session : load.loggedIn) {
                assertThat(status(c, session)).as("acknowledged login %s", session).isNotNull();
            }
            for (String session : load.loggedOut) {
                assertThat(status(c, session)).as("acknowledged logout %s", session).isEqualTo("REVOKED");
            }
        }
    }

    private static String status(Connection c, String session) throws Exception {
        try (PreparedStatement q = c.prepareStatement("SELECT status FROM sessions WHERE id = ?::uuid")) {
            q.setString(1, session);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Two threads logging users in and out on both instances, recording every acknowledged write. */
    private static final class Load {

        private final List<String> emails;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final List<Future<?>> workers = new ArrayList<>();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong lastSuccess = new AtomicLong();
        final Set<String> loggedIn = ConcurrentHashMap.newKeySet();
        final Set<String> loggedOut = ConcurrentHashMap.newKeySet();
        final List<Long> gapMillis = Collections.synchronizedList(new ArrayList<>());
        final List<String> other = Collections.synchronizedList(new ArrayList<>());

        Load(List<String> emails) {
            this.emails = emails;
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                workers.add(threads.submit(() -> run(thread)));
            }
        }

        private void run(int thread) {
            int i = thread;
            while (running.get()) {
                int user = (i % (emails.size() / 2)) * 2 + thread;
                ConfigurableApplicationContext instance = i % 2 == 0 ? instances.a : instances.b;
                long sent = System.nanoTime();
                HttpResponse<String> login = instances.post(instance, "/api/v1/auth/login",
                        credentials(emails.get(user)), null, address(user));
                record(login, sent, 200);
                if (login.statusCode() == 200) {
                    String access = json.readTree(login.body()).get("access_token").asString();
                    String session = session(access);
                    loggedIn.add(session);
                    ConfigurableApplicationContext other = instance == instances.a ? instances.b : instances.a;
                    long logoutSent = System.nanoTime();
                    HttpResponse<String> logout = instances.post(other, "/api/v1/auth/logout", "", access, address(user));
                    record(logout, logoutSent, 204);
                    if (logout.statusCode() == 204) {
                        loggedOut.add(session);
                    }
                }
                i += 2;
            }
        }

        private void record(HttpResponse<String> response, long sent, int success) {
            long now = System.nanoTime();
            requests.incrementAndGet();
            if (response.statusCode() == success) {
                lastSuccess.accumulateAndGet(now, Math::max);
            } else if (response.statusCode() == 503) {
                gapMillis.add((now - sent) / 1_000_000);
            } else {
                other.add(response.statusCode() + " " + response.body());
            }
        }

        private static String session(String access) {
            try {
                return SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("sid");
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            threads.shutdown();
        }
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static String address(int user) {
        return "192.0.2." + (10 + user);
    }
}
