package io.latchkey.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.RefreshToken;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserPage;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.testfixtures.UserFixtures;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.testsupport.TestInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The R2DBC adapters against a real PostgreSQL migrated by Flyway. */
class PersistenceIT {

    private static DatabaseClient db;
    private static R2dbcUserRepository users;
    private static R2dbcSessionRepository sessions;
    private static R2dbcOutboxWriter outbox;
    private static R2dbcOutboxRepository outboxRows;
    private static final OutboxCommitSignal signal = new OutboxCommitSignal();
    private static R2dbcTransactionRunner transactions;
    private static final InstantSource clock = () -> Instant.now().truncatedTo(ChronoUnit.MICROS);

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
        users = new R2dbcUserRepository(db);
        JsonMapper json = JsonMapper.builder().build();
        outbox = new R2dbcOutboxWriter(json, signal, new R2dbcAuditRepository(db, json),
                new UuidV7IdGenerator(clock), new TraceParents((Propagator) null));
        sessions = new R2dbcSessionRepository(db, outbox, clock);
        outboxRows = new R2dbcOutboxRepository(db);
        transactions = new R2dbcTransactionRunner(TransactionalOperator.create(new R2dbcTransactionManager(factory)));
    }

    private static User newUser() {
        return UserFixtures.anActiveUser(clock.instant());
    }

    @Test
    void givenAUser_addRole_addsItOnceAndUpdateStatusReportsAChangeOnlyOnce() {
        User user = newUser();
        users.insert(user).block();
        assertThat(users.addRole(user.id(), User.ROLE_ADMIN, clock.instant()).block()).isTrue();
        assertThat(users.addRole(user.id(), User.ROLE_ADMIN, clock.instant()).block()).isFalse();
        assertThat(users.findById(user.id()).block().roles()).containsExactlyInAnyOrder(User.ROLE_USER, User.ROLE_ADMIN);
        assertThat(users.updateStatus(user.id(), UserStatus.DISABLED, clock.instant()).block()).isTrue();
        assertThat(users.updateStatus(user.id(), UserStatus.DISABLED, clock.instant()).block()).isFalse();
        assertThat(users.markEmailVerified(user.id(), clock.instant()).block()).isTrue();
        assertThat(users.markEmailVerified(user.id(), clock.instant()).block()).isFalse();
    }

    @Test
    void givenSessions_revokeAllExcept_keepsOnlyTheNamedOne() {
        User user = newUser();
        users.insert(user).block();
        Instant now = clock.instant();
        List<Session> started = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Session session = Session.start(new SessionId(UUID.randomUUID()), user.id(), ClientInfo.UNKNOWN,
                    SessionAuthentication.password(now), TokenPolicy.DEFAULTS, now);
            sessions.insert(session, new RefreshToken("token-" + UUID.randomUUID()).hash()).block();
            started.add(session);
        }
        List<SessionId> revoked = sessions.revokeAllExcept(user.id(), started.get(1).id(), RevocationReason.PASSWORD_CHANGED,
                now).block();
        assertThat(revoked).containsExactlyInAnyOrder(started.get(0).id(), started.get(2).id());
        assertThat(sessions.findActive(user.id(), now).map(Session::id).collectList().block())
                .containsExactly(started.get(1).id());
    }

    @Test
    void givenAnEmailFragmentWithLikeWildcards_search_matchesThemLiterally() {
        String tag = "srch" + System.nanoTime();
        for (String local : new String[] {tag + "_a", tag + "xa", tag + "%b"}) {
            users.insert(UserFixtures.anActiveUser(clock.instant(), local + "@example.com")).block();
        }
        UserPage underscore = users.search(tag + "_", 0, 10).block();
        assertThat(underscore.total()).isEqualTo(1);
        assertThat(underscore.users()).extracting(u -> u.email().value()).containsExactly(tag + "_a@example.com");
        assertThat(users.search(tag + "%", 0, 10).block().total()).isEqualTo(1);
        UserPage all = users.search(tag, 1, 2).block();
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.users()).hasSize(1);
    }

    @Test
    void givenInsertedUser_findByEmailAndId_roundTripEveryField() {
        User user = newUser();
        users.insert(user).block();
        assertThat(users.findByEmail(user.email()).block()).isEqualTo(user);
        assertThat(users.findById(user.id()).block()).isEqualTo(user);
    }

    @Test
    void givenTakenCanonicalEmail_insert_failsWithAlreadyRegistered() {
        User first = newUser();
        users.insert(first).block();
        User second = new User(new UserId(UUID.randomUUID()), Email.parse(first.email().value().toUpperCase(), "email"),
                first.passwordHash(), first.name(), first.status(), first.roles(), false, 0, first.createdAt(),
                first.updatedAt());
        StepVerifier.create(users.insert(second)).expectError(EmailAlreadyRegisteredException.class).verify();
    }

    @Test
    void givenSession_findByRefreshTokenAndSnapshot_resolveIt() {
        User user = newUser();
        users.insert(user).block();
        Session session = Session.start(new SessionId(UUID.randomUUID()), user.id(), new ClientInfo("ua", "10.0.0.1"),
                SessionAuthentication.password(clock.instant()), TokenPolicy.DEFAULTS, clock.instant());
        RefreshToken token = new RefreshToken("token-" + UUID.randomUUID());
        sessions.insert(session, token.hash()).block();

        PresentedRefreshToken presented = sessions.findByRefreshToken(token.hash()).block();
        assertThat(presented.session()).isEqualTo(session);
        assertThat(presented.isCurrent()).isTrue();
        assertThat(presented.owner()).as("the owner, read by the same join").isEqualTo(users.findById(user.id()).block());

        AuthSnapshot snapshot = sessions.findActiveSnapshot(session.id()).block();
        assertThat(snapshot.userId()).isEqualTo(user.id());
        assertThat(snapshot.expiresAt()).isEqualTo(session.absoluteExpiresAt());

        db.sql("UPDATE sessions SET status = 'REVOKED' WHERE id = :id").bind("id", session.id().value())
                .fetch().rowsUpdated().block();
        assertThat(sessions.findActiveSnapshot(session.id()).block()).isNull();
    }

    @Test
    void givenFailureAfterWrites_transaction_rollsBackChangeAndOutboxRowTogether() {
        User user = newUser();
        UUID eventId = UUID.randomUUID();
        Mono<Object> failing = users.insert(user)
                .then(outbox.write(new UserRegistered(eventId, user.id(), clock.instant())))
                .then(Mono.error(new IllegalStateException("boom")));
        StepVerifier.create(transactions.inTransaction(failing)).expectError(IllegalStateException.class).verify();

        assertThat(users.findById(user.id()).block()).isNull();
        assertThat(outboxRows(eventId)).isZero();
    }

    @Test
    void givenCommittedChange_outbox_holdsTheWireBody() {
        User user = newUser();
        SessionId sessionId = new SessionId(UUID.randomUUID());
        UUID eventId = UUID.randomUUID();
        transactions.inTransaction(users.insert(user)
                .then(outbox.write(SessionStarted.of(eventId, user.id(), clock.instant(), sessionId,
                        SessionAuthentication.federated("google", clock.instant()))))).block();

        Map<String, Object> row = db.sql("SELECT aggregate_id, event_type, payload::text AS body FROM outbox WHERE id = :id")
                .bind("id", eventId).fetch().one().block();
        assertThat(row.get("aggregate_id")).isEqualTo(user.id().value());
        assertThat(row.get("event_type")).isEqualTo("io.latchkey.session.started");
        assertThat((String) row.get("body")).contains("\"session_ids\": [\"" + sessionId + "\"]")
                .contains("\"user_id\": \"" + user.id() + "\"")
                .contains("\"amr\": [\"fed\"]")
                .contains("\"idp\": \"google\"");
    }

    @Test
    void givenFederatedSession_stepUp_storesMergedMethodsAndNewAuthTimeKeepingProvider() {
        User user = newUser();
        users.insert(user).block();
        Instant start = clock.instant();
        Session session = Session.start(new SessionId(UUID.randomUUID()), user.id(), ClientInfo.UNKNOWN,
                SessionAuthentication.federated("github", start), TokenPolicy.DEFAULTS, start);
        RefreshToken token = new RefreshToken("token-" + UUID.randomUUID());
        sessions.insert(session, token.hash()).block();
        assertThat(sessions.findById(session.id()).block().authentication()).isEqualTo(session.authentication());

        Session stepped = session.reauthenticated(List.of(AuthMethod.OTP), start.plusSeconds(120));
        assertThat(sessions.reauthenticate(session.id(), stepped.authentication()).block()).isTrue();

        Session stored = sessions.findByRefreshToken(token.hash()).block().session();
        assertThat(stored.authentication().amr()).containsExactly("otp", "mfa", "fed");
        assertThat(stored.authentication().authTime()).isEqualTo(start.plusSeconds(120));
        assertThat(stored.authentication().identityProvider()).isEqualTo("github");
    }

    @Test
    void givenRevokedSession_reauthenticate_changesNothing() {
        User user = newUser();
        users.insert(user).block();
        Session session = storedSession(user, clock.instant());
        sessions.revoke(session.id(), RevocationReason.LOGOUT, clock.instant()).block();

        assertThat(sessions.reauthenticate(session.id(), session.reauthenticated(List.of(AuthMethod.OTP),
                clock.instant()).authentication()).block()).isFalse();
        assertThat(sessions.findById(session.id()).block().authentication().amr()).containsExactly("pwd");
    }

    @Test
    void givenUnreachableDatabase_reads_failAsDependencyUnavailable() {
        ConnectionFactory dead = ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:postgresql://127.0.0.1:1/none").mutate()
                .option(ConnectionFactoryOptions.USER, "x")
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2))
                .build());
        R2dbcUserRepository unreachable = new R2dbcUserRepository(DatabaseClient.create(dead));
        StepVerifier.create(unreachable.findById(new UserId(UUID.randomUUID())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DependencyUnavailableException.class))
                .verify(Duration.ofSeconds(10));
    }

    private static TokenRotated rotation(Session next) {
        return new TokenRotated(UUID.randomUUID(), next.userId(), clock.instant(), next.id(), next.generation());
    }

    private static long auditCount(UUID eventId) {
        return db.sql("SELECT count(*) AS n FROM audit_events WHERE detail->>'event_id' = :id")
                .bind("id", eventId.toString()).map(row -> row.get("n", Long.class)).one().block();
    }

    private Session storedSession(User user, Instant start) {
        Session session = Session.start(new SessionId(UUID.randomUUID()), user.id(), ClientInfo.UNKNOWN,
                SessionAuthentication.password(start), TokenPolicy.DEFAULTS, start);
        sessions.insert(session, new RefreshToken("t-" + UUID.randomUUID()).hash()).block();
        return session;
    }

    @Test
    void givenTwoRotationsFromTheSameGeneration_onlyTheFirstWins() {
        User user = newUser();
        users.insert(user).block();
        Session session = storedSession(user, clock.instant());
        Session next = session.rotated(TokenPolicy.DEFAULTS, clock.instant());
        RefreshToken winner = new RefreshToken("w-" + UUID.randomUUID());

        TokenRotated won = rotation(next);
        TokenRotated lost = rotation(next);
        RefreshToken loser = new RefreshToken("l-" + UUID.randomUUID());
        assertThat(sessions.rotate(next, 0, winner.hash(), won).block()).isTrue();
        assertThat(sessions.rotate(next, 0, loser.hash(), lost).block()).isFalse();

        PresentedRefreshToken current = sessions.findByRefreshToken(winner.hash()).block();
        assertThat(current.isCurrent()).isTrue();
        assertThat(current.session().generation()).isEqualTo(1);
        assertThat(current.session().rotatedAt()).isEqualTo(next.rotatedAt());
        assertThat(outboxRows(won.eventId())).as("the winner's event, written by its rotation").isEqualTo(1);
        assertThat(auditCount(won.eventId())).isEqualTo(1);
        assertThat(outboxRows(lost.eventId())).as("the loser's event").isZero();
        assertThat(auditCount(lost.eventId())).isZero();
        assertThat(sessions.findByRefreshToken(loser.hash()).block()).as("the loser's token").isNull();
    }

    @Test
    void givenARotationWhoseEventCannotBeWritten_nothingOfItStays() {
        User user = newUser();
        users.insert(user).block();
        Session session = storedSession(user, clock.instant());
        Session next = session.rotated(TokenPolicy.DEFAULTS, clock.instant());
        TokenRotated first = rotation(next);
        assertThat(sessions.rotate(next, 0, new RefreshToken("a-" + UUID.randomUUID()).hash(), first).block()).isTrue();
        Session after = next.rotated(TokenPolicy.DEFAULTS, clock.instant());
        RefreshToken second = new RefreshToken("b-" + UUID.randomUUID());
        // The same event id again: its outbox insert fails, and with it the whole statement.
        assertThatThrownBy(() -> sessions.rotate(after, 1, second.hash(), new TokenRotated(first.eventId(),
                after.userId(), clock.instant(), after.id(), after.generation())).block()).isNotNull();

        assertThat(sessions.findById(session.id()).block().generation()).as("the session did not move").isEqualTo(1);
        assertThat(sessions.findByRefreshToken(second.hash()).block()).as("no token was recorded").isNull();
    }

    @Test
    void givenRevokedSession_rotateAndSecondRevokeDoNothing() {
        User user = newUser();
        users.insert(user).block();
        Session session = storedSession(user, clock.instant());
        assertThat(sessions.revoke(session.id(), RevocationReason.LOGOUT, clock.instant()).block()).isTrue();
        assertThat(sessions.revoke(session.id(), RevocationReason.LOGOUT, clock.instant()).block()).isFalse();
        Session next = session.rotated(TokenPolicy.DEFAULTS, clock.instant());
        TokenRotated refused = rotation(next);
        assertThat(sessions.rotate(next, 0, new RefreshToken("x-" + UUID.randomUUID()).hash(), refused).block())
                .isFalse();
        assertThat(outboxRows(refused.eventId())).isZero();
        assertThat(sessions.findById(session.id()).block().revocationReason()).isEqualTo(RevocationReason.LOGOUT);
    }

    @Test
    void givenThreeSessions_revokeAllEndsTheActiveOnesAndRaiseAuthEpochCounts() {
        User user = newUser();
        users.insert(user).block();
        Session a = storedSession(user, clock.instant());
        Session b = storedSession(user, clock.instant());
        Session c = storedSession(user, clock.instant());
        sessions.revoke(c.id(), RevocationReason.LOGOUT, clock.instant()).block();

        assertThat(sessions.revokeAll(user.id(), RevocationReason.LOGOUT_ALL, clock.instant()).block())
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(sessions.findActive(user.id(), clock.instant()).collectList().block()).isEmpty();
        assertThat(users.raiseAuthEpoch(user.id()).block()).isEqualTo(1);
        assertThat(users.raiseAuthEpoch(user.id()).block()).isEqualTo(2);
    }

    @Test
    void givenEndedAndLiveSessions_deleteEndedRemovesOnlyTheEndedInBatches() {
        User user = newUser();
        users.insert(user).block();
        Instant longAgo = clock.instant().minus(Duration.ofDays(40));
        Session expired1 = storedSession(user, longAgo);
        Session expired2 = storedSession(user, longAgo);
        Session live = storedSession(user, clock.instant());
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));

        long first = sessions.deleteEnded(cutoff, 1).block();
        long rest = sessions.deleteEnded(cutoff, 1000).block();
        assertThat(first).isEqualTo(1);
        assertThat(rest).isGreaterThanOrEqualTo(1);
        assertThat(sessions.findById(expired1.id()).block()).isNull();
        assertThat(sessions.findById(expired2.id()).block()).isNull();
        assertThat(sessions.findById(live.id()).block()).isNotNull();
    }

    private static long outboxRows(UUID eventId) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void concurrentLoginAttempts_areAllCountedBeforeTheirPasswordCheck_andOnlyTheThresholdIsAdmitted() {
        R2dbcLoginFailures failures = new R2dbcLoginFailures(db);
        LockoutSubject subject = LockoutSubject.address(
                io.latchkey.domain.model.user.Email.parse("race-" + UUID.randomUUID() + "@example.com", "email"));
        LockoutPolicy policy = new LockoutPolicy(5, java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(1));
        Instant now = clock.instant();

        List<io.latchkey.domain.model.abuse.RecordedAttempt> attempts = reactor.core.publisher.Flux.range(0, 40)
                .flatMap(i -> failures.recordAttempt(subject, now, policy)
                        .subscribeOn(reactor.core.scheduler.Schedulers.parallel()), 40)
                .collectList().block();

        assertThat(attempts).hasSize(40);
        assertThat(attempts).filteredOn(io.latchkey.domain.model.abuse.RecordedAttempt::admitted).hasSize(5);
        assertThat(attempts).filteredOn(attempt -> !attempt.admitted())
                .allSatisfy(attempt -> assertThat(attempt.lockedUntil()).isEqualTo(now.plus(policy.base())));
        assertThat(failures.find(subject).block().failures()).isEqualTo(5);

        failures.clear(subject).block();
        assertThat(failures.recordAttempt(subject, now, policy).block().admitted()).isTrue();
    }

    @Test
    void givenTwoRelaysWritingResetTokensForOneAccountAtOnce_theSecondWaitsItsTurn_andOneTokenIsLeft() {
        R2dbcPasswordResetTokens tokens = new R2dbcPasswordResetTokens(db);
        User user = users.insert(newUser()).block();
        Instant now = clock.instant();
        var first = new io.latchkey.domain.model.reset.PasswordResetTokenHash(Sha256.hex("first " + UUID.randomUUID()));
        var second = new io.latchkey.domain.model.reset.PasswordResetTokenHash(Sha256.hex("second " + UUID.randomUUID()));
        Instant expires = now.plus(java.time.Duration.ofMinutes(30));

        // The first relay's transaction stays open while the second one writes.
        Mono<Boolean> slowFirst = transactions.inTransaction(tokens.replaceFor(user.id(), first, expires, now)
                .delayElement(java.time.Duration.ofMillis(800)));
        Mono<Boolean> secondRelay = transactions.inTransaction(Mono.delay(java.time.Duration.ofMillis(200))
                .then(tokens.replaceFor(user.id(), second, expires, now)));
        var results = Mono.zip(slowFirst.subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
                secondRelay.subscribeOn(reactor.core.scheduler.Schedulers.parallel())).block();

        assertThat(results.getT1()).isTrue();
        assertThat(results.getT2()).as("refused while the first held the account").isFalse();
        assertThat(tokenCount(user)).isEqualTo(1);

        assertThat(transactions.inTransaction(tokens.replaceFor(user.id(), second, expires, now)).block()).isTrue();
        assertThat(tokenCount(user)).isEqualTo(1);
        assertThat(tokens.consume(first, now).blockOptional()).isEmpty();
        assertThat(tokens.consume(second, now).block()).isEqualTo(user.id());
    }

    private static long tokenCount(User user) {
        return db.sql("SELECT count(*) AS n FROM password_reset_tokens WHERE user_id = :user")
                .bind("user", user.id().value())
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
