package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.RegisterAccountCommand;
import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.model.user.UserProfile;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RegisterAccountServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final RegisterAccountService service = kit.register();

    @Test
    void givenValidInput_register_storesCanonicalEmailAndPublishesRegistered() {
        UserProfile profile = service.register(new RegisterAccountCommand(" Ada@Example.COM", "long enough secret", "Ada", " "))
                .block();
        assertThat(profile.email().value()).isEqualTo("ada@example.com");
        assertThat(profile.name().first()).isEqualTo("Ada");
        assertThat(profile.name().last()).isNull();
        assertThat(kit.users.findById(profile.id()).block().passwordHash().encoded()).isEqualTo("fake:long enough secret");
        assertThat(kit.events.events()).singleElement().isInstanceOfSatisfying(UserRegistered.class,
                e -> assertThat(e.userId()).isEqualTo(profile.id()));
        assertThat(kit.transactions.count()).isEqualTo(1);
    }

    @Test
    void givenSeveralBadFields_register_reportsAllOfThemAndStoresNothing() {
        StepVerifier.create(service.register(new RegisterAccountCommand("not-an-email", "short", "x".repeat(101), null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("email", "password", "first_name"))
                .verify();
        assertThat(kit.users.count()).isZero();
        assertThat(kit.events.events()).isEmpty();
    }

    @Test
    void givenMissingFields_register_namesThem() {
        StepVerifier.create(service.register(new RegisterAccountCommand(null, null, null, null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("email", "password"))
                .verify();
    }

    @Test
    void givenEmailTakenInAnotherCase_register_failsWithConflict() {
        service.register(new RegisterAccountCommand("ada@example.com", "long enough secret", null, null)).block();
        StepVerifier.create(service.register(new RegisterAccountCommand("ADA@example.com", "another secret!", null, null)))
                .expectError(EmailAlreadyRegisteredException.class)
                .verify();
        assertThat(kit.users.count()).isEqualTo(1);
    }
}
