package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.RegisterAccountCommand;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.User;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RegisterAccountServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final RegisterAccountService service = kit.register();

    @Test
    void givenValidInput_register_storesTheAddressAsWrittenPublishesRegisteredAndMailsACodeThere() {
        service.register(new RegisterAccountCommand(" Ada@Example.COM", "long enough secret", "Ada", " ", "10.0.0.1"))
                .block();
        Email email = new Email("Ada@Example.COM");
        User user = kit.users.findByEmail(new Email("ada@example.com")).block();
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.name().first()).isEqualTo("Ada");
        assertThat(user.name().last()).isNull();
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.passwordHash().encoded()).isEqualTo("fake:long enough secret");
        assertThat(kit.events.events()).singleElement().isInstanceOfSatisfying(UserRegistered.class,
                e -> assertThat(e.userId()).isEqualTo(user.id()));
        assertThat(kit.mails.queued()).singleElement()
                .satisfies(queued -> assertThat(queued.content()).isInstanceOf(MailContent.VerificationCode.class));
        assertThat(kit.codes.current(email)).as("the relay issues the code when it sends").isEmpty();
        kit.deliverMail();
        String code = kit.codes.current(email).orElseThrow().digits();
        assertThat(kit.sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(email);
            assertThat(mail.body()).contains(code);
            assertThat(mail.expiresAt()).isEqualTo(kit.clock.instant().plus(kit.accountPolicy.verificationCodeTtl()));
        });
    }

    @Test
    void givenSeveralBadFields_register_reportsAllOfThemAndStoresNothing() {
        StepVerifier.create(service.register(new RegisterAccountCommand("not-an-email", "short", "x".repeat(101), null, null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("email", "password", "first_name"))
                .verify();
        assertThat(kit.users.count()).isZero();
        assertThat(kit.events.events()).isEmpty();
        assertThat(kit.mails.queued()).isEmpty();
    }

    @Test
    void givenMissingFields_register_namesThem() {
        StepVerifier.create(service.register(new RegisterAccountCommand(null, null, null, null, null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("email", "password"))
                .verify();
    }

    @Test
    void givenEmailTakenInAnotherCase_register_succeedsSilentlyKeepsOneAccountAndMailsANotice() {
        service.register(new RegisterAccountCommand("ada@example.com", "long enough secret", null, null, null)).block();
        StepVerifier.create(service.register(new RegisterAccountCommand("ADA@example.com", "another secret!", null, null, null)))
                .verifyComplete();
        assertThat(kit.users.count()).isEqualTo(1);
        assertThat(kit.users.findByEmail(new Email("ada@example.com")).block().passwordHash().encoded())
                .isEqualTo("fake:long enough secret");
        assertThat(kit.events.events()).hasSize(1);
        assertThat(kit.deliverMail()).extracting(OutgoingMail::subject)
                .containsExactlyInAnyOrder("Your verification code: 100000", "You already have an account");
        assertThat(kit.sent).extracting(mail -> mail.to().value()).containsOnly("ada@example.com");
    }

    /** The takeover of issue 11: the folded spelling owns another mailbox, so no mail may ever go there. */
    @Test
    void givenAnAddressThatFoldingWouldChange_register_mailsOnlyTheAddressAsWrittenAndKeepsTheFoldedOneFree() {
        service.register(new RegisterAccountCommand("straße1@example.de", "long enough secret", null, null, null)).block();
        service.register(new RegisterAccountCommand("strasse1@example.de", "another secret!", null, null, null)).block();

        assertThat(kit.users.count()).isEqualTo(2);
        kit.deliverMail();
        assertThat(kit.sent).extracting(mail -> mail.to().value())
                .containsExactlyInAnyOrder("straße1@example.de", "strasse1@example.de");
        assertThat(kit.sent).extracting(OutgoingMail::subject).allMatch(subject -> subject.startsWith("Your verification code"));
    }

    @Test
    void givenTooManyRegistrationsFromOneIp_register_isRateLimitedBeforeAnythingIsStored() {
        for (int i = 0; i < kit.limits.registerPerIp().limit(); i++) {
            service.register(new RegisterAccountCommand("user" + i + "@example.com", "long enough secret", null, null,
                    "10.0.0.9")).block();
        }
        StepVerifier.create(service.register(new RegisterAccountCommand("late@example.com", "long enough secret", null,
                        null, "10.0.0.9")))
                .expectError(RateLimitedException.class)
                .verify();
        assertThat(kit.users.findByEmail(new Email("late@example.com")).blockOptional()).isEmpty();
    }
}
