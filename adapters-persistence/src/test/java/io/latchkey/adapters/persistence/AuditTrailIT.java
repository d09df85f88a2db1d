package io.latchkey.adapters.persistence;

import io.micrometer.tracing.propagation.Propagator;
import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.event.PasswordChanged;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.event.UserUpdated;
import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.audit.AuditFilter;
import io.latchkey.domain.model.audit.RequestOrigin;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.testfixtures.UserFixtures;
import io.latchkey.testsupport.TestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

/** The audit table against a real PostgreSQL: written with the outbox row, paged by keyset, purged in batches, indexed. */
class AuditTrailIT {

    private static DatabaseClient db;
    private static R2dbcUserRepository users;
    private static R2dbcAuditRepository audit;
    private static R2dbcOutboxWriter outbox;
    private static R2dbcTransactionRunner transactions;
    private static final InstantSource clock = () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final UuidV7IdGenerator ids = new UuidV7IdGenerator(clock);

    @BeforeAll
    static void migrateAndConnect() {
        TestInfrastructure infra = TestInfrastructure.shared();
        Flyway.configure().dataSource(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword()).load().migrate();
        Map<String, String> props = infra.postgresProperties();
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions.parse(props.get("spring.r2dbc.url"))
                .mutate()
                .option(ConnectionFactoryOptions.USER, props.get("spring.r2dbc.username"))
                .option(ConnectionFactoryOptions.PASSWORD, props.get("spring.r2dbc.password"))
                .build());
        db = DatabaseClient.create(factory);
        JsonMapper json = JsonMapper.builder().build();
        users = new R2dbcUserRepository(db);
        audit = new R2dbcAuditRepository(db, json);
        outbox = new R2dbcOutboxWriter(json, new OutboxCommitSignal(), audit, ids, new TraceParents((Propagator) null));
        transactions = new R2dbcTransactionRunner(TransactionalOperator.create(new R2dbcTransactionManager(factory)));
    }

    @Test
    void givenAChangeThatRollsBack_itsEventLeavesNoAuditEntry() {
        User user = UserFixtures.anActiveUser(clock.instant());
        UUID eventId = UUID.randomUUID();
        Mono<Object> failing = users.insert(user)
                .then(outbox.write(new UserRegistered(eventId, user.id(), clock.instant())))
                .then(Mono.error(new IllegalStateException("boom")));

        StepVerifier.create(transactions.inTransaction(failing)).expectError(IllegalStateException.class).verify();

        assertThat(entriesOf(eventId)).isZero();
        assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void givenAnEventCommitted_exactlyOneEntryHoldsItWithTheRequestOrigin() {
        User user = UserFixtures.anActiveUser(clock.instant());
        SessionId session = new SessionId(UUID.randomUUID());
        UUID eventId = UUID.randomUUID();
        RequestOrigin origin = new RequestOrigin("203.0.113.9", "Firefox/140", null, null);

        transactions.inTransaction(users.insert(user).then(outbox.write(SessionStarted.of(eventId, user.id(),
                        clock.instant(), session, SessionAuthentication.password(clock.instant())))))
                .contextWrite(Context.of(RequestOrigin.CONTEXT_KEY, origin)).block();

        assertThat(entriesOf(eventId)).isEqualTo(1);
        AuditEntry entry = audit.find(new AuditFilter(user.id(), Set.of(), null, null), null, 10).blockFirst();
        assertThat(entry.type()).isEqualTo("session.started");
        assertThat(entry.userId()).isEqualTo(user.id());
        assertThat(entry.sessionId()).isEqualTo(session);
        assertThat(entry.actorId()).isNull();
        assertThat(entry.ipAddress()).isEqualTo("203.0.113.9");
        assertThat(entry.userAgent()).isEqualTo("Firefox/140");
        assertThat(entry.detail()).containsEntry("event_id", eventId.toString()).containsEntry("amr", List.of("pwd"))
                .doesNotContainKeys("session_ids", "user_id");
    }

    @Test
    void givenACallerActingOnAnotherAccount_theEntryNamesThemAsActor_andTheOwnerActingNamesNoActor() {
        User user = UserFixtures.anActiveUser(clock.instant());
        users.insert(user).block();
        UserId admin = new UserId(UUID.randomUUID());
        SessionId ownSession = new SessionId(UUID.randomUUID());
        UUID byAdmin = UUID.randomUUID();
        UUID byOwner = UUID.randomUUID();

        transactions.inTransaction(outbox.write(new UserUpdated(byAdmin, user.id(), clock.instant(), List.of("status"))))
                .contextWrite(Context.of(RequestOrigin.CONTEXT_KEY,
                        new RequestOrigin("198.51.100.1", "curl", admin, new SessionId(UUID.randomUUID()))))
                .block();
        transactions.inTransaction(outbox.write(new PasswordChanged(byOwner, user.id(), clock.instant())))
                .contextWrite(Context.of(RequestOrigin.CONTEXT_KEY, new RequestOrigin(null, null, user.id(), ownSession)))
                .block();

        List<AuditEntry> entries = audit.find(new AuditFilter(user.id(), Set.of(), null, null), null, 10).collectList().block();
        AuditEntry adminAction = entries.stream().filter(e -> e.type().equals("user.updated")).findFirst().orElseThrow();
        assertThat(adminAction.actorId()).isEqualTo(admin);
        assertThat(adminAction.sessionId()).as("not the admin's session").isNull();
        assertThat(adminAction.detail()).containsEntry("changes", List.of("status"));
        AuditEntry ownChange = entries.stream().filter(e -> e.type().equals("user.password_changed")).findFirst().orElseThrow();
        assertThat(ownChange.actorId()).isNull();
        assertThat(ownChange.sessionId()).isEqualTo(ownSession);
    }

    @Test
    void givenEntriesAtTheSameInstant_keysetPagesVisitEachOnceNewestFirst_andFiltersApply() {
        UserId user = new UserId(UUID.randomUUID());
        Instant base = clock.instant().minus(1, ChronoUnit.HOURS);
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Three share one instant, so the id decides their order.
            Instant at = i < 3 ? base : base.plusSeconds(i);
            UUID id = ids.newId();
            written.add(id);
            audit.append(new AuditFact(id, at, i % 2 == 0 ? "login.failed" : "session.started", user, null, null,
                    Map.of("n", i))).block();
        }
        AuditFilter all = new AuditFilter(user, Set.of(), null, null);

        List<UUID> paged = new ArrayList<>();
        AuditCursor cursor = null;
        do {
            List<AuditEntry> page = audit.find(all, cursor, 3).collectList().block();
            page.forEach(e -> paged.add(e.id()));
            cursor = page.size() < 3 ? null : AuditCursor.parse(AuditCursor.after(page.get(2)).encode()).orElseThrow();
        } while (cursor != null);

        List<UUID> expected = audit.find(all, null, 100).map(AuditEntry::id).collectList().block();
        assertThat(paged).containsExactlyElementsOf(expected).containsExactlyInAnyOrderElementsOf(written);
        assertThat(audit.find(new AuditFilter(user, Set.of("login.failed"), null, null), null, 100).count().block())
                .isEqualTo(4);
        assertThat(audit.find(new AuditFilter(user, Set.of(), base.plusSeconds(4), base.plusSeconds(6)), null, 100)
                .map(e -> e.detail().get("n")).collectList().block()).containsExactly(5, 4);
    }

    @Test
    void givenOldEntries_deleteOlderThan_takesAtMostTheLimitPerCall_andKeepsNewerOnes() {
        UserId user = new UserId(UUID.randomUUID());
        Instant old = Instant.parse("1990-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            audit.append(new AuditFact(ids.newId(), old.plusSeconds(i), "login.failed", user, null, null, Map.of())).block();
        }
        audit.append(new AuditFact(ids.newId(), Instant.parse("1990-06-01T00:00:00Z"), "login.failed", user, null, null,
                Map.of())).block();
        Instant cutoff = Instant.parse("1990-02-01T00:00:00Z");

        assertThat(audit.deleteOlderThan(cutoff, 2).block()).isEqualTo(2);
        assertThat(audit.deleteOlderThan(cutoff, 2).block()).isEqualTo(2);
        assertThat(audit.deleteOlderThan(cutoff, 2).block()).isEqualTo(1);
        assertThat(audit.deleteOlderThan(cutoff, 2).block()).isZero();
        assertThat(audit.find(new AuditFilter(user, Set.of(), null, null), null, 10).count().block()).isEqualTo(1);
    }

    /**
     * With 50,000 rows (2,000 accounts, 20 types) and statistics, a page for one account and a page for one type
     * each read only their index's range: no sequential scan. Without the indexes the same query is a sequential
     * scan (shown in the same transaction, rolled back, so the indexes are never really gone).
     */
    @Test
    void givenManyRows_thePageQueriesUseTheirIndexes_andWithoutThemScanTheTable() {
        String batch = UUID.randomUUID().toString();
        db.sql("""
                INSERT INTO audit_events (id, occurred_at, type, user_id, detail)
                SELECT md5(:batch || i)::uuid, TIMESTAMPTZ '2001-01-01' + i * INTERVAL '1 second',
                       'plan.type_' || (i % 20), md5(:batch || 'u' || (i % 2000))::uuid, jsonb_build_object('batch', :batch)
                  FROM generate_series(1, 50000) AS i
                """).bind("batch", batch).fetch().rowsUpdated().block();
        try {
            db.sql("ANALYZE audit_events").fetch().rowsUpdated().block();
            String user = db.sql("SELECT md5(:batch || 'u7')::uuid::text AS u").bind("batch", batch)
                    .map(row -> row.get("u", String.class)).one().block();
            String byUser = "SELECT * FROM audit_events WHERE user_id = '" + user + "'"
                    + " AND (occurred_at, id) < (TIMESTAMPTZ '2001-01-01 10:00:00+00', 'ffffffff-ffff-ffff-ffff-ffffffffffff')"
                    + " ORDER BY occurred_at DESC, id DESC LIMIT 51";
            String byType = "SELECT * FROM audit_events WHERE type = 'plan.type_3'"
                    + " ORDER BY occurred_at DESC, id DESC LIMIT 51";

            String userPlan = plan(byUser);
            String typePlan = plan(byType);
            System.out.println("audit page for one account:\n" + userPlan + "\naudit page for one type:\n" + typePlan);
            // A few rows of one account may be fetched by bitmap and sorted; many are read in index order. Either
            // way only that account's rows are touched.
            assertThat(userPlan).contains("audit_events_by_user").doesNotContain("Seq Scan");
            assertThat(typePlan).contains("audit_events_by_type").doesNotContain("Seq Scan");

            String withoutIndexes = transactions.inTransaction(db.sql("DROP INDEX audit_events_by_user, audit_events_by_type,"
                            + " audit_events_by_time").fetch().rowsUpdated()
                    .then(Mono.fromCallable(() -> byUser))
                    .flatMap(sql -> db.sql("EXPLAIN " + sql).map(row -> row.get(0, String.class)).all()
                            .collectList().map(lines -> String.join("\n", lines)))
                    .flatMap(plan -> Mono.<String>error(new RolledBack(plan))))
                    .onErrorResume(RolledBack.class, rolledBack -> Mono.just(rolledBack.getMessage()))
                    .block();
            System.out.println("the same page without the indexes:\n" + withoutIndexes);
            assertThat(withoutIndexes).contains("Seq Scan on audit_events");
            assertThat(plan(byUser)).as("the indexes are back").contains("audit_events_by_user");
        } finally {
            db.sql("DELETE FROM audit_events WHERE detail->>'batch' = :batch").bind("batch", batch)
                    .fetch().rowsUpdated().block();
        }
    }

    private static String plan(String sql) {
        return String.join("\n", db.sql("EXPLAIN " + sql).map(row -> row.get(0, String.class)).all().collectList().block());
    }

    private static long entriesOf(UUID eventId) {
        return db.sql("SELECT count(*) AS n FROM audit_events WHERE detail->>'event_id' = :id")
                .bind("id", eventId.toString()).map(row -> row.get("n", Long.class)).one().block();
    }

    /** Carries the plan out of a transaction that must roll back. */
    private static final class RolledBack extends RuntimeException {
        RolledBack(String plan) {
            super(plan, null, false, false);
        }
    }
}
