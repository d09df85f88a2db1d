package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.AuditPage;
import io.latchkey.application.usecase.ListAuditEventsQuery;
import io.latchkey.application.usecase.ListMyActivityQuery;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.PurgeAuditEventsCommand;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.audit.AuditTypes;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AuditServicesTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());

    AuditServicesTest() {
        kit.users.insert(user).block();
    }

    @Test
    void givenAWrongPasswordForAnAccount_theFailureIsRecordedAgainstIt_andAnUnknownAddressOnlyAsItsDigest() {
        LoginService login = kit.login();
        login.login(new LoginCommand(user.email().value(), "wrong password", ClientInfo.UNKNOWN)).onErrorComplete().block();
        login.login(new LoginCommand("nobody@example.com", "wrong password", ClientInfo.UNKNOWN)).onErrorComplete().block();

        List<AuditEntry> entries = kit.audit.entries();
        assertThat(entries).extracting(AuditEntry::type).containsOnly(AuditTypes.LOGIN_FAILED).hasSize(2);
        AuditEntry known = entries.stream().filter(e -> user.id().equals(e.userId())).findFirst().orElseThrow();
        assertThat(known.detail()).containsEntry("reason", "bad_credentials").doesNotContainKey("address_digest");
        AuditEntry unknown = entries.stream().filter(e -> e.userId() == null).findFirst().orElseThrow();
        assertThat(unknown.detail()).containsEntry("address_digest", "digest-of-nobody@example.com");
        assertThat(entries.toString()).doesNotContain("wrong password");
    }

    @Test
    void givenTheFailureThatReachesTheThreshold_aLockoutIsRecorded_andAttemptsWhileLockedAreFailuresToo() {
        LoginService login = kit.login();
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            login.login(new LoginCommand(user.email().value(), "guess " + i, ClientInfo.UNKNOWN)).onErrorComplete().block();
        }
        StepVerifier.create(login.login(new LoginCommand(user.email().value(), UserFixtures.PASSWORD, ClientInfo.UNKNOWN)))
                .expectError(RateLimitedException.class).verify();

        List<AuditEntry> entries = kit.audit.entries();
        assertThat(entries).filteredOn(e -> e.type().equals(AuditTypes.LOGIN_LOCKED)).singleElement()
                .satisfies(lock -> assertThat(lock.detail()).containsKey("locked_until"));
        assertThat(entries).filteredOn(e -> e.type().equals(AuditTypes.LOGIN_FAILED)).hasSize(kit.lockout.threshold() + 1)
                .anySatisfy(e -> assertThat(e.detail()).containsEntry("reason", "locked"));
    }

    @Test
    void givenBadFilters_listAuditEvents_namesEveryBadFieldAndReadsNothing() {
        ListAuditEventsService service = new ListAuditEventsService(kit.audit);

        assertThat(violations(service, new ListAuditEventsQuery("not-a-uuid", "DROP TABLE", "2026-01-02T00:00:00Z",
                "2026-01-01T00:00:00Z", "bm90IGEgY3Vyc29y", 0)))
                .extracting(FieldViolation::field).containsExactlyInAnyOrder("user", "type", "from", "cursor", "size");
        assertThat(violations(service, new ListAuditEventsQuery(null, null, "yesterday", null, null, 10)))
                .extracting(FieldViolation::field).containsExactly("from");
        assertThat(violations(service, new ListAuditEventsQuery(null, null, null, null, null, ListAuditEventsQuery.MAX_SIZE + 1)))
                .extracting(FieldViolation::field).containsExactly("size");
    }

    @Test
    void givenMoreEntriesThanAPage_theCursorOfEachPageLeadsToTheNext_andMyActivityHoldsOnlyTheCallersOwnEntries() {
        UserId other = new UserId(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            fact("session.started", user.id());
            fact("session.started", other);
            kit.clock.advance(Duration.ofSeconds(1));
        }
        fact("token.rotated", user.id());
        ListMyActivityService mine = new ListMyActivityService(kit.audit);

        List<AuditEntry> seen = new ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = mine.list(new ListMyActivityQuery(user.id(), cursor, 2)).block();
            seen.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).hasSize(5).allSatisfy(e -> assertThat(e.userId()).isEqualTo(user.id()))
                .extracting(AuditEntry::type).containsOnly("session.started");
        assertThat(seen).extracting(AuditEntry::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void givenOldEntries_purge_deletesInBatchesUpToTheRunsMaximum() {
        for (int i = 0; i < 7; i++) {
            fact("session.started", user.id());
        }
        kit.clock.advance(Duration.ofDays(91));
        fact("session.started", user.id());
        PurgeAuditEventsService purge = new PurgeAuditEventsService(kit.audit, kit.clock);

        assertThat(purge.purge(new PurgeAuditEventsCommand(Duration.ofDays(90), 2, 3)).block()).isEqualTo(6);
        assertThat(purge.purge(new PurgeAuditEventsCommand(Duration.ofDays(90), 2, 3)).block()).isEqualTo(1);
        assertThat(kit.audit.entries()).hasSize(1);
    }

    private void fact(String type, UserId subject) {
        kit.audit.append(new AuditFact(kit.ids.newId(), kit.clock.instant(), type, subject, null, null, Map.of())).block();
    }

    private static List<FieldViolation> violations(ListAuditEventsService service, ListAuditEventsQuery query) {
        InvalidInputException error = (InvalidInputException) service.list(query).map(Object.class::cast)
                .onErrorResume(e -> reactor.core.publisher.Mono.just(e)).block();
        return error.violations();
    }
}
