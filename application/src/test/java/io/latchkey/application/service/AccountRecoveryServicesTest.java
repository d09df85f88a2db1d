package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.ChangePasswordCommand;
import io.latchkey.application.usecase.ConfirmEmailVerificationCommand;
import io.latchkey.application.usecase.ConfirmPasswordResetCommand;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.RegisterAccountCommand;
import io.latchkey.application.usecase.RequestEmailVerificationCommand;
import io.latchkey.application.usecase.RequestPasswordResetCommand;
import io.latchkey.domain.error.EmailNotVerifiedException;
import io.latchkey.domain.error.IncorrectPasswordException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.InvalidResetTokenException;
import io.latchkey.domain.error.InvalidVerificationCodeException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.event.EmailVerified;
import io.latchkey.domain.event.PasswordChanged;
import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.mail.OutgoingMail;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AccountRecoveryServicesTest {

    private static final String PASSWORD = "long enough secret";
    private static final Email ADA = new Email("ada@example.com");

    private final ServiceTestKit kit = new ServiceTestKit();

    private User registered() {
        kit.register().register(new RegisterAccountCommand(ADA.value(), PASSWORD, null, null, null)).block();
        kit.deliverMail();
        return kit.users.findByEmail(ADA).block();
    }

    private TokenPair login(String password) {
        return kit.login().login(new LoginCommand(ADA.value(), password, ClientInfo.UNKNOWN)).block().tokens();
    }

    @Test
    void givenTheMailedCode_confirm_verifiesOnceAndEmitsEmailVerified() {
        User user = registered();
        String code = kit.codes.current(ADA).orElseThrow().digits();
        kit.confirmVerification().confirm(new ConfirmEmailVerificationCommand("ADA@example.com", code, null)).block();
        assertThat(kit.users.findById(user.id()).block().emailVerified()).isTrue();
        assertThat(kit.events.events()).filteredOn(EmailVerified.class::isInstance).hasSize(1);
        StepVerifier.create(kit.confirmVerification().confirm(new ConfirmEmailVerificationCommand(ADA.value(), code, null)))
                .expectError(InvalidVerificationCodeException.class).verify();
    }

    @Test
    void givenFiveWrongCodes_confirm_burnsTheCodeSoTheRightOneFailsToo() {
        User user = registered();
        String code = kit.codes.current(ADA).orElseThrow().digits();
        for (int i = 0; i < kit.accountPolicy.maxCodeAttempts(); i++) {
            StepVerifier.create(kit.confirmVerification().confirm(new ConfirmEmailVerificationCommand(ADA.value(),
                            "99999" + i, null)))
                    .expectError(InvalidVerificationCodeException.class).verify();
        }
        StepVerifier.create(kit.confirmVerification().confirm(new ConfirmEmailVerificationCommand(ADA.value(), code, null)))
                .expectError(InvalidVerificationCodeException.class).verify();
        assertThat(kit.users.findById(user.id()).block().emailVerified()).isFalse();
    }

    @Test
    void givenAnExpiredCode_confirm_failsAndChangesNothing() {
        User user = registered();
        String code = kit.codes.current(ADA).orElseThrow().digits();
        kit.clock.advance(kit.accountPolicy.verificationCodeTtl());
        StepVerifier.create(kit.confirmVerification().confirm(new ConfirmEmailVerificationCommand(ADA.value(), code, null)))
                .expectError(InvalidVerificationCodeException.class).verify();
        assertThat(kit.users.findById(user.id()).block().emailVerified()).isFalse();
    }

    @Test
    void givenAResendInsideTheCooldown_request_isRateLimitedForKnownAndUnknownAddressesAlike() {
        registered();
        kit.requestVerification().request(new RequestEmailVerificationCommand(ADA.value(), null)).block();
        StepVerifier.create(kit.requestVerification().request(new RequestEmailVerificationCommand(ADA.value(), null)))
                .expectError(RateLimitedException.class).verify();
        kit.requestVerification().request(new RequestEmailVerificationCommand("nobody@example.com", null)).block();
        StepVerifier.create(kit.requestVerification().request(new RequestEmailVerificationCommand("nobody@example.com", null)))
                .expectError(RateLimitedException.class).verify();
        assertThat(kit.deliverMail()).hasSize(2).allSatisfy(mail -> assertThat(mail.to()).isEqualTo(ADA));
        kit.clock.advance(Duration.ofSeconds(60));
        kit.requestVerification().request(new RequestEmailVerificationCommand(ADA.value(), null)).block();
        assertThat(kit.deliverMail()).hasSize(3);
    }

    @Test
    void givenVerificationRequired_login_refusesAnUnverifiedAccountOnlyAfterTheRightPassword() {
        registered();
        var strict = new AccountPolicy(true, Duration.ofMinutes(5), 5, Duration.ofMinutes(30), null);
        StepVerifier.create(kit.login(strict).login(new LoginCommand(ADA.value(), "wrong password!", ClientInfo.UNKNOWN)))
                .expectError(InvalidCredentialsException.class).verify();
        StepVerifier.create(kit.login(strict).login(new LoginCommand(ADA.value(), PASSWORD, ClientInfo.UNKNOWN)))
                .expectError(EmailNotVerifiedException.class).verify();
    }

    @Test
    void givenRepeatedWrongPasswords_login_locksTheAccountForAGrowingTimeEvenForTheRightPassword() {
        User user = registered();
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            StepVerifier.create(kit.login().login(new LoginCommand(ADA.value(), "wrong password!", ClientInfo.UNKNOWN)))
                    .expectError(InvalidCredentialsException.class).verify();
        }
        StepVerifier.create(kit.login().login(new LoginCommand(ADA.value(), PASSWORD, ClientInfo.UNKNOWN)))
                .expectErrorSatisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofMinutes(1)))
                .verify();
        kit.clock.advance(Duration.ofMinutes(1));
        StepVerifier.create(kit.login().login(new LoginCommand(ADA.value(), "wrong password!", ClientInfo.UNKNOWN)))
                .expectError(InvalidCredentialsException.class).verify();
        StepVerifier.create(kit.login().login(new LoginCommand(ADA.value(), PASSWORD, ClientInfo.UNKNOWN)))
                .expectErrorSatisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofMinutes(2)))
                .verify();
        kit.clock.advance(Duration.ofMinutes(2));
        assertThat(login(PASSWORD)).isNotNull();
        assertThat(kit.loginFailures.failures(ADA)).isZero();
    }

    @Test
    void givenRepeatedWrongPasswordsForAnUnknownAddress_login_locksItExactlyAsItWouldAnAccount() {
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            StepVerifier.create(kit.login().login(new LoginCommand("nobody@example.com", "wrong password!",
                            ClientInfo.UNKNOWN)))
                    .expectError(InvalidCredentialsException.class).verify();
        }
        StepVerifier.create(kit.login().login(new LoginCommand("nobody@example.com", "wrong password!", ClientInfo.UNKNOWN)))
                .expectErrorSatisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofMinutes(1)))
                .verify();
    }

    @Test
    void givenFailuresLongAgo_theCountStartsAgain() {
        registered();
        for (int i = 0; i < kit.lockout.threshold() - 1; i++) {
            StepVerifier.create(kit.login().login(new LoginCommand(ADA.value(), "wrong password!", ClientInfo.UNKNOWN)))
                    .expectError(InvalidCredentialsException.class).verify();
        }
        kit.clock.advance(kit.lockout.forgetAfter().plusSeconds(1));
        StepVerifier.create(kit.login().login(new LoginCommand(ADA.value(), "wrong password!", ClientInfo.UNKNOWN)))
                .expectError(InvalidCredentialsException.class).verify();
        assertThat(kit.loginFailures.failures(ADA)).isEqualTo(1);
    }

    @Test
    void givenADisabledAccount_aResetTokenNoLongerWorks() {
        User user = registered();
        kit.requestReset().request(new RequestPasswordResetCommand(ADA.value(), null)).block();
        String token = tokenIn(kit.deliverMail().stream().filter(m -> m.subject().startsWith("Reset")).findFirst()
                .orElseThrow().body());
        kit.users.updateStatus(user.id(), io.latchkey.domain.model.user.UserStatus.DISABLED, kit.clock.instant()).block();
        StepVerifier.create(kit.confirmReset().confirm(new ConfirmPasswordResetCommand(token, "a brand new secret", null)))
                .expectError(InvalidResetTokenException.class).verify();
        assertThat(kit.users.findById(user.id()).block().passwordHash().encoded()).isEqualTo("fake:" + PASSWORD);
    }

    @Test
    void givenAResetToken_confirm_setsThePasswordEndsEverySessionAndWorksOnce() {
        User user = registered();
        TokenPair before = login(PASSWORD);
        kit.requestReset().request(new RequestPasswordResetCommand(ADA.value(), null)).block();
        String token = tokenIn(kit.deliverMail().stream().filter(m -> m.subject().startsWith("Reset")).findFirst()
                .orElseThrow().body());
        kit.confirmReset().confirm(new ConfirmPasswordResetCommand(token, "a brand new secret", null)).block();

        assertThat(kit.users.findById(user.id()).block().passwordHash().encoded()).isEqualTo("fake:a brand new secret");
        assertThat(kit.sessions.findActive(user.id(), kit.clock.instant()).collectList().block()).isEmpty();
        assertThat(kit.events.events()).filteredOn(SessionRevoked.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SessionRevoked) e).reason()).isEqualTo(RevocationReason.PASSWORD_CHANGED));
        assertThat(kit.events.events()).filteredOn(PasswordChanged.class::isInstance).hasSize(1);
        assertThat(before).isNotNull();
        StepVerifier.create(kit.confirmReset().confirm(new ConfirmPasswordResetCommand(token, "yet another secret", null)))
                .expectError(InvalidResetTokenException.class).verify();
        assertThat(kit.users.findById(user.id()).block().passwordHash().encoded()).isEqualTo("fake:a brand new secret");
    }

    @Test
    void givenAnUnverifiedAccountWithAPasskey_aPasswordReset_removesThePasskey_andPublishesItsRemoval() {
        User user = registered();
        java.util.UUID passkeyId = java.util.UUID.randomUUID();
        kit.passkeys.insert(new io.latchkey.domain.model.passkey.Passkey(passkeyId, "cred-planted", user.id(), "Planted",
                new byte[] {1}, 0, false, kit.clock.instant(), null)).block();
        kit.requestReset().request(new RequestPasswordResetCommand(ADA.value(), null)).block();
        String token = tokenIn(kit.deliverMail().stream().filter(m -> m.subject().startsWith("Reset")).findFirst()
                .orElseThrow().body());

        kit.confirmReset().confirm(new ConfirmPasswordResetCommand(token, "a brand new secret", null)).block();

        assertThat(kit.passkeys.findByUser(user.id()).collectList().block()).isEmpty();
        assertThat(kit.events.events()).filteredOn(io.latchkey.domain.event.UserPasskeyRemoved.class::isInstance)
                .singleElement().satisfies(e -> assertThat(((io.latchkey.domain.event.UserPasskeyRemoved) e).passkeyId())
                        .isEqualTo(passkeyId));
    }

    @Test
    void givenAnUnknownAddress_requestReset_queuesTheSameAsForAKnownOne_butTheRelaySendsNothing() {
        registered();
        int before = kit.mails.queued().size();
        kit.requestReset().request(new RequestPasswordResetCommand("nobody@example.com", null)).block();
        kit.requestReset().request(new RequestPasswordResetCommand(ADA.value(), null)).block();
        assertThat(kit.mails.queued()).hasSize(before + 2);

        List<OutgoingMail> sent = kit.deliverMail();
        assertThat(sent).noneMatch(mail -> mail.to().value().equals("nobody@example.com"));
        assertThat(sent).filteredOn(mail -> mail.subject().startsWith("Reset")).singleElement()
                .satisfies(mail -> assertThat(mail.to()).isEqualTo(ADA));
        assertThat(kit.resetTokens.count()).isEqualTo(1);
        assertThat(kit.mails.queued()).isEmpty();
    }

    @Test
    void givenASecondResetMail_theFirstTokenNoLongerWorks_andTheSecondDoes() {
        User user = registered();
        kit.requestReset().request(new RequestPasswordResetCommand(ADA.value(), null)).block();
        String first = tokenIn(kit.deliverMail().stream().filter(m -> m.subject().startsWith("Reset")).findFirst()
                .orElseThrow().body());
        kit.clock.advance(Duration.ofMinutes(1));
        kit.requestReset().request(new RequestPasswordResetCommand(ADA.value(), null)).block();
        String second = tokenIn(kit.deliverMail().stream().filter(m -> m.subject().startsWith("Reset"))
                .reduce((earlier, later) -> later).orElseThrow().body());
        assertThat(second).isNotEqualTo(first);

        StepVerifier.create(kit.confirmReset().confirm(new ConfirmPasswordResetCommand(first, "a brand new secret", null)))
                .expectError(InvalidResetTokenException.class).verify();
        kit.confirmReset().confirm(new ConfirmPasswordResetCommand(second, "a brand new secret", null)).block();
        assertThat(kit.users.findById(user.id()).block().passwordHash().encoded()).isEqualTo("fake:a brand new secret");
    }

    @Test
    void givenAResetRequestInAnotherSpelling_theMailGoesToTheRegisteredAddressOnly() {
        registered();
        int before = kit.sent.size();
        kit.requestReset().request(new RequestPasswordResetCommand("  ADA@EXAMPLE.com ", null)).block();
        List<OutgoingMail> sent = kit.deliverMail();
        assertThat(sent.subList(before, sent.size())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Reset");
            assertThat(mail.to().value()).isEqualTo(ADA.value());
        });
    }

    @Test
    void givenTheRightCurrentPassword_change_keepsTheCallersSessionAndEndsTheOthers() throws Exception {
        User user = registered();
        login(PASSWORD);
        login(PASSWORD);
        var sessions = kit.sessions.findActive(user.id(), kit.clock.instant()).collectList().block();
        var keep = sessions.get(0).id();
        StepVerifier.create(kit.changePassword().change(new ChangePasswordCommand(user.id(), keep, "wrong password!",
                        "a brand new secret", true)))
                .expectError(IncorrectPasswordException.class).verify();
        assertThat(kit.sessions.findActive(user.id(), kit.clock.instant()).collectList().block()).hasSize(2);

        kit.changePassword().change(new ChangePasswordCommand(user.id(), keep, PASSWORD, "a brand new secret", true)).block();
        assertThat(kit.sessions.findActive(user.id(), kit.clock.instant()).collectList().block())
                .singleElement().satisfies(s -> {
                    assertThat(s.id()).isEqualTo(keep);
                    assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
                });
        assertThat(kit.users.findById(user.id()).block().passwordHash().encoded()).isEqualTo("fake:a brand new secret");
    }

    private static String tokenIn(String body) {
        Matcher matcher = Pattern.compile("(reset-token-\\d+)").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
