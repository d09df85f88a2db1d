package io.latchkey.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.testfixtures.UserFixtures;
import io.latchkey.testsupport.TestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * V5 on a database holding rows written before it: accounts keep the address they were stored with (where their
 * mail went) and get the key of today's rules, so every spelling of them is found and none can register twice;
 * queued mails and failure counts stay reachable by key.
 */
class EmailKeyMigrationIT {

    @Test
    void givenRowsFromBeforeV5_migration_keepsTheirAddressesAndKeysThem_soEverySpellingFindsThem() throws Exception {
        Map<String, String> db = TestInfrastructure.shared()
                .isolatedDatabase("legacy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String url = db.get("spring.flyway.url");
        String user = db.get("spring.flyway.user");
        String password = db.get("spring.flyway.password");
        Flyway.configure().dataSource(url, user, password).target("4").load().migrate();

        UUID zoe = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            insertUser(c, zoe, "zoë@bücher.de");
            insertUser(c, ada, "ada@example.com");
            try (PreparedStatement mail = c.prepareStatement("INSERT INTO mail_outbox (id, recipient, kind) "
                    + "VALUES (?, 'zoë@bücher.de', 'password_reset')")) {
                mail.setObject(1, UUID.randomUUID());
                mail.executeUpdate();
            }
            try (PreparedStatement failures = c.prepareStatement("INSERT INTO login_failures "
                    + "(address_hash, failures, last_failure_at) VALUES (?, 3, now())")) {
                failures.setString(1, Sha256.hex("ada@example.com"));
                failures.executeUpdate();
            }
        }

        Flyway.configure().dataSource(url, user, password).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement q = c.prepareStatement("SELECT email, email_key FROM users WHERE id = ?")) {
            q.setObject(1, zoe);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("zoë@bücher.de");
                assertThat(rs.getString(2)).isEqualTo("zoë@xn--bcher-kva.de");
            }
        }
        DatabaseClient client = DatabaseClient.create(ConnectionFactories.get(
                ConnectionFactoryOptions.parse(db.get("spring.r2dbc.url")).mutate()
                        .option(ConnectionFactoryOptions.USER, db.get("spring.r2dbc.username"))
                        .option(ConnectionFactoryOptions.PASSWORD, db.get("spring.r2dbc.password"))
                        .build()));
        R2dbcUserRepository users = new R2dbcUserRepository(client);
        for (String spelling : new String[] {"zoë@bücher.de", "ZOË@BÜCHER.DE", "zoë@XN--BCHER-KVA.de"}) {
            User found = users.findByEmail(Email.parse(spelling, "email")).block();
            assertThat(found).as(spelling).isNotNull();
            assertThat(found.id().value()).isEqualTo(zoe);
            assertThat(found.email().value()).isEqualTo("zoë@bücher.de");
        }
        StepVerifier.create(users.insert(UserFixtures.anActiveUser(Instant.now(), "Ada@Example.com")))
                .expectError(EmailAlreadyRegisteredException.class).verify();

        R2dbcMailOutbox mails = new R2dbcMailOutbox(client);
        mails.removePasswordResetsTo(Email.parse("Zoë@Bücher.DE", "email")).block();
        assertThat(count(url, user, password, "SELECT count(*) FROM mail_outbox")).isZero();

        R2dbcLoginFailures failures = new R2dbcLoginFailures(client);
        Email adaAddress = Email.parse("ADA@example.com", "email");
        assertThat(failures.find(LockoutSubject.address(adaAddress)).block().failures()).isEqualTo(3);
        UUID device = UUID.randomUUID();
        assertThat(failures.find(LockoutSubject.device(adaAddress, device)).blockOptional()).isEmpty();
        failures.recordAttempt(LockoutSubject.device(adaAddress, device), Instant.now(),
                new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1))).block();
        assertThat(failures.find(LockoutSubject.device(adaAddress, device)).block().failures()).isEqualTo(1);
        assertThat(failures.find(LockoutSubject.address(adaAddress)).block().failures()).isEqualTo(3);
        failures.clearAll(adaAddress).block();
        assertThat(count(url, user, password, "SELECT count(*) FROM login_failures")).isZero();
    }

    @Test
    void givenTwoRowsFromBeforeV5WithTheSameKey_migration_failsNamingBoth_andChangesNothing() throws Exception {
        Map<String, String> db = TestInfrastructure.shared()
                .isolatedDatabase("collide_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String url = db.get("spring.flyway.url");
        String user = db.get("spring.flyway.user");
        String password = db.get("spring.flyway.password");
        Flyway.configure().dataSource(url, user, password).target("4").load().migrate();
        UUID unicode = UUID.randomUUID();
        UUID ascii = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            insertUser(c, unicode, "zoë@bücher.de");
            insertUser(c, ascii, "zoë@xn--bcher-kva.de");
        }

        assertThatThrownBy(() -> Flyway.configure().dataSource(url, user, password).load().migrate())
                .hasStackTraceContaining(unicode.toString())
                .hasStackTraceContaining(ascii.toString())
                .hasStackTraceContaining("zoë@xn--bcher-kva.de");

        assertThat(count(url, user, password, "SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(count(url, user, password, "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name = 'users' AND column_name = 'email_key'")).isZero();
    }

    private static void insertUser(Connection c, UUID id, String email) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, email, password_hash, status, roles, "
                + "created_at, updated_at) VALUES (?, ?, 'hash', 'ACTIVE', ARRAY['USER'], now(), now())")) {
            insert.setObject(1, id);
            insert.setString(2, email);
            insert.executeUpdate();
        }
    }

    private static long count(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
