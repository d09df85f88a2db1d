package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.EnsureAdminCommand;
import io.latchkey.application.usecase.RegisterAccountCommand;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.User;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class EnsureAdminServiceTest {

    private static final Email ADMIN = new Email("admin@example.com");
    private static final String PASSWORD = "first administrator secret";

    private final ServiceTestKit kit = new ServiceTestKit();
    private final EnsureAdminService service = new EnsureAdminService(kit.users, kit.hasher, kit.passwordPolicy,
            kit.events, kit.transactions, kit.revoker(), kit.ids, kit.clock);

    @Test
    void givenNoAccount_ensure_createsAVerifiedAdministrator_andASecondRunChangesNothing() {
        service.ensure(new EnsureAdminCommand(ADMIN.value(), PASSWORD)).block();
        service.ensure(new EnsureAdminCommand(ADMIN.value(), PASSWORD)).block();
        User admin = kit.users.findByEmail(ADMIN).block();
        assertThat(admin.roles()).containsExactlyInAnyOrder(User.ROLE_USER, User.ROLE_ADMIN);
        assertThat(admin.emailVerified()).isTrue();
        assertThat(kit.users.count()).isEqualTo(1);
    }

    @Test
    void givenSomebodyRegisteredTheAddressWithoutVerifyingIt_ensure_refusesToPromoteThatAccount() {
        kit.register().register(new RegisterAccountCommand(ADMIN.value(), "attacker chosen secret", null, null, null))
                .block();
        StepVerifier.create(service.ensure(new EnsureAdminCommand(ADMIN.value(), PASSWORD)))
                .expectError(EnsureAdminService.UnprovenAdminAccountException.class)
                .verify();
        assertThat(kit.users.findByEmail(ADMIN).block().roles()).containsExactly(User.ROLE_USER);
    }

    @Test
    void givenAVerifiedAccount_ensure_grantsAdminAndLeavesItsPasswordAlone() {
        kit.register().register(new RegisterAccountCommand(ADMIN.value(), "the owner's own secret", null, null, null))
                .block();
        User owner = kit.users.findByEmail(ADMIN).block();
        kit.users.markEmailVerified(owner.id(), kit.clock.instant()).block();
        service.ensure(new EnsureAdminCommand(ADMIN.value(), PASSWORD)).block();
        User admin = kit.users.findByEmail(ADMIN).block();
        assertThat(admin.roles()).contains(User.ROLE_ADMIN);
        assertThat(admin.passwordHash().encoded()).isEqualTo("fake:the owner's own secret");
    }

    @Test
    void givenACommonPassword_ensure_refusesIt() {
        StepVerifier.create(service.ensure(new EnsureAdminCommand(ADMIN.value(), "password123")))
                .expectError(InvalidInputException.class)
                .verify();
        assertThat(kit.users.count()).isZero();
    }
}
