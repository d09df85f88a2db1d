package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.latchkey.application.usecase.CompleteMfaChallengeCommand;
import io.latchkey.application.usecase.EnrolTotpCommand;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LoginResult;
import io.latchkey.application.usecase.MfaCallerCommand;
import io.latchkey.application.usecase.RecoveryCodes;
import io.latchkey.application.usecase.ResetSecondFactorsCommand;
import io.latchkey.application.usecase.StepUpCommand;
import io.latchkey.domain.error.FactorConflictException;
import io.latchkey.domain.error.InvalidMfaTokenException;
import io.latchkey.domain.error.InvalidSecondFactorException;
import io.latchkey.domain.error.MfaRequiredException;
import io.latchkey.domain.error.StepUpRequiredException;
import io.latchkey.domain.event.UserMfaDisabled;
import io.latchkey.domain.event.UserMfaEnabled;
import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mfa.Totp;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class MfaServicesTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());
    private final SecondFactorsService factors = kit.secondFactors();

    MfaServicesTest() {
        kit.users.insert(user).block();
    }

    private LoginResult passwordLogin() {
        return kit.login().login(new LoginCommand(user.email().value(), UserFixtures.PASSWORD, ClientInfo.UNKNOWN)).block();
    }

    private SessionId sessionOf(LoginResult result) {
        return kit.tokens.verify(result.tokens().accessToken().encoded()).sessionId();
    }

    private String code(int steps) {
        byte[] secret = kit.factorSecrets.open(kit.factors.findTotp(user.id()).block().secret()).value();
        return Totp.codeAt(secret, Totp.stepAt(kit.clock.instant()) + steps);
    }

    /** Enrols and confirms TOTP with the code of the previous step, so this step and the next stay usable. */
    private RecoveryCodes enrolled(SessionId session) {
        factors.enrol(new EnrolTotpCommand(user.id(), session)).block();
        return factors.confirm(new MfaCallerCommand(user.id(), session, code(-1))).block();
    }

    private MfaRequiredException challenged() {
        return catchThrowableOfType(MfaRequiredException.class, this::passwordLogin);
    }

    private LoginResult complete(String token, String code, String recovery) {
        return kit.completeMfa().complete(new CompleteMfaChallengeCommand(token, code, recovery, null, ClientInfo.UNKNOWN)).block();
    }

    @Test
    void givenConfirmedTotp_login_answersAChallengeThatACodeCompletesWithMfaClaims() {
        RecoveryCodes codes = enrolled(sessionOf(passwordLogin()));
        assertThat(codes.codes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(kit.events.events()).anySatisfy(e -> assertThat(e).isInstanceOf(UserMfaEnabled.class));
        int sessionsBefore = kit.sessions.count();

        MfaRequiredException challenge = challenged();
        assertThat(challenge.methods()).containsExactly("otp", "recovery_code");
        assertThat(kit.sessions.count()).as("no session before the second factor").isEqualTo(sessionsBefore);

        LoginResult result = complete(challenge.mfaToken(), code(0), null);
        AccessTokenClaims claims = kit.tokens.verify(result.tokens().accessToken().encoded());
        assertThat(claims.amr()).containsExactly("pwd", "otp", "mfa");
        assertThat(result.deviceToken()).isNotBlank();
    }

    @Test
    void givenCompletedChallenge_completingItAgain_isRefused() {
        enrolled(sessionOf(passwordLogin()));
        String token = challenged().mfaToken();
        complete(token, code(0), null);

        assertThat(catchThrowableOfType(InvalidMfaTokenException.class, () -> complete(token, code(1), null))).isNotNull();
    }

    @Test
    void givenCodeUsedOnce_sameCodeOnAnotherChallenge_isRefusedAsReplay() {
        enrolled(sessionOf(passwordLogin()));
        String used = code(0);
        complete(challenged().mfaToken(), used, null);

        assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                () -> complete(challenged().mfaToken(), used, null))).isNotNull();
    }

    @Test
    void givenChallenge_wrongCodesUpToTheLimit_voidIt() {
        enrolled(sessionOf(passwordLogin()));
        String token = challenged().mfaToken();
        for (int i = 0; i < kit.mfaPolicy.challengeAttempts(); i++) {
            assertThat(catchThrowableOfType(InvalidSecondFactorException.class, () -> complete(token, "000000", null)))
                    .isNotNull();
            kit.loginFailures.clear(io.latchkey.domain.model.abuse.LockoutSubject.secondFactor(user.email())).block();
        }

        assertThat(catchThrowableOfType(InvalidMfaTokenException.class, () -> complete(token, code(0), null))).isNotNull();
    }

    @Test
    void givenManyCompletionsFromOneAddress_theyHitThePerIpLoginLimit() {
        ClientInfo client = new ClientInfo("test", "198.51.100.7");
        CompleteMfaChallengeCommand guess = new CompleteMfaChallengeCommand("mfa.nonsense", "000000", null, null, client);
        for (int i = 0; i < kit.limits.loginPerIp().limit(); i++) {
            assertThat(catchThrowableOfType(InvalidMfaTokenException.class,
                    () -> kit.completeMfa().complete(guess).block())).isNotNull();
        }

        assertThat(catchThrowableOfType(io.latchkey.domain.error.RateLimitedException.class,
                () -> kit.completeMfa().complete(guess).block())).isNotNull();
    }

    @Test
    void givenPasswordChangedAfterTheFirstFactor_theChallenge_isVoid() {
        enrolled(sessionOf(passwordLogin()));
        String token = challenged().mfaToken();
        kit.users.updatePassword(user.id(), new io.latchkey.domain.model.user.PasswordHash("changed-elsewhere"),
                kit.clock.instant()).block();

        assertThat(catchThrowableOfType(InvalidMfaTokenException.class, () -> complete(token, code(0), null))).isNotNull();
    }

    @Test
    void givenWrongCodesOnFreshChallenges_theSecondFactorLocks_andEvenTheRightCodeIsRefused() {
        enrolled(sessionOf(passwordLogin()));
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                    () -> complete(challenged().mfaToken(), "000000", null))).isNotNull();
        }

        assertThat(catchThrowableOfType(io.latchkey.domain.error.RateLimitedException.class,
                () -> complete(challenged().mfaToken(), code(0), null))).isNotNull();
    }

    @Test
    void givenDrift_twoStepsBackIsRefused_andAfterTheNextStepsCodeTheCurrentOneIsAReplay() {
        enrolled(sessionOf(passwordLogin()));
        // Move well past the confirming step, so only the drift window (not replay) can refuse two steps back.
        kit.clock.advance(Duration.ofSeconds(150));

        assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                () -> complete(challenged().mfaToken(), code(-2), null))).as("beyond one step").isNotNull();
        assertThat(complete(challenged().mfaToken(), code(1), null).tokens()).as("one step ahead").isNotNull();
        assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                () -> complete(challenged().mfaToken(), code(0), null))).as("an earlier step after a later one").isNotNull();
    }

    @Test
    void givenChallengeOlderThanItsLifetime_complete_isRefused() {
        enrolled(sessionOf(passwordLogin()));
        String token = challenged().mfaToken();
        kit.clock.advance(kit.mfaPolicy.challengeTtl().plusSeconds(1));

        assertThat(catchThrowableOfType(InvalidMfaTokenException.class, () -> complete(token, code(0), null))).isNotNull();
    }

    @Test
    void givenRecoveryCode_itCompletesOnceAndIsAnnouncedByMail() {
        RecoveryCodes codes = enrolled(sessionOf(passwordLogin()));
        String recovery = codes.codes().get(3).toUpperCase();

        complete(challenged().mfaToken(), null, recovery);

        assertThat(kit.mails.queued()).anySatisfy(mail -> assertThat(((MailContent.Written) mail.content()).subject())
                .isEqualTo("A recovery code was used to sign in"));
        assertThat(factors.status(user.id()).block().recoveryCodesRemaining()).isEqualTo(9);
        assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                () -> complete(challenged().mfaToken(), null, recovery))).isNotNull();
    }

    @Test
    void givenOldAuthentication_sensitiveChanges_requireStepUpWithTheSecondFactor() {
        SessionId session = sessionOf(passwordLogin());
        enrolled(session);
        MfaCallerCommand caller = new MfaCallerCommand(user.id(), session, null);

        StepUpRequiredException refused = catchThrowableOfType(StepUpRequiredException.class,
                () -> factors.regenerate(caller).block());
        assertThat(refused.secondFactor()).as("a password session of an account with a factor").isTrue();

        StepVerifier.create(kit.stepUp().stepUp(new StepUpCommand(user.id(), session, UserFixtures.PASSWORD, null, null, null)))
                .expectError(io.latchkey.domain.error.InvalidInputException.class).verify();
        var token = kit.stepUp().stepUp(new StepUpCommand(user.id(), session, null, code(0), null, null)).block();
        assertThat(kit.tokens.verify(token.encoded()).amr()).containsExactly("pwd", "otp", "mfa");
        assertThat(factors.regenerate(caller).block().codes()).hasSize(10);

        kit.clock.advance(kit.mfaPolicy.stepUpMaxAge().plusSeconds(1));
        assertThat(catchThrowableOfType(StepUpRequiredException.class, () -> factors.disable(caller).block())).isNotNull();
    }

    @Test
    void givenActiveTotp_enrolAgain_isAConflict() {
        SessionId session = sessionOf(passwordLogin());
        enrolled(session);
        kit.stepUp().stepUp(new StepUpCommand(user.id(), session, null, code(0), null, null)).block();

        assertThat(catchThrowableOfType(FactorConflictException.class,
                () -> factors.enrol(new EnrolTotpCommand(user.id(), session)).block())).isNotNull();
    }

    @Test
    void givenAdminReset_factorsAreGoneTheUserIsToldAndLoginNeedsThePasswordOnly() {
        enrolled(sessionOf(passwordLogin()));

        var admin = new io.latchkey.domain.model.user.UserId(java.util.UUID.randomUUID());
        kit.resetSecondFactors().reset(new ResetSecondFactorsCommand(admin, user.id())).block();

        assertThat(kit.events.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(UserMfaDisabled.class,
                disabled -> {
                    assertThat(disabled.reason()).isEqualTo("admin_reset");
                    assertThat(disabled.actorId()).as("the administrator is recorded").isEqualTo(admin);
                }));
        assertThat(kit.mails.queued()).anySatisfy(mail -> assertThat(((MailContent.Written) mail.content()).subject())
                .isEqualTo("Your second factors were reset"));
        assertThat(passwordLogin().tokens()).isNotNull();
    }

    @Test
    void givenAccountWithSecondFactor_aSignInThatProvedPossession_opensWithoutAChallenge_aPasswordOneDoesNot() {
        enrolled(sessionOf(passwordLogin()));
        MfaRequirement requirement = kit.mfaRequirement(kit.accountPolicy);

        var passkey = requirement.signIn(user, io.latchkey.domain.model.session.SessionAuthentication.of(
                java.util.Set.of(io.latchkey.domain.model.session.AuthMethod.HWK), kit.clock.instant()),
                ClientInfo.UNKNOWN, null).block();

        assertThat(kit.tokens.verify(passkey.accessToken().encoded()).amr()).containsExactly("hwk");
        assertThat(catchThrowableOfType(MfaRequiredException.class, () -> requirement.signIn(user,
                io.latchkey.domain.model.session.SessionAuthentication.password(kit.clock.instant()),
                ClientInfo.UNKNOWN, null).block()).methods()).containsExactly("otp", "recovery_code");
    }

    @Test
    void givenAdminReset_everySessionOfTheUserIsRevoked() {
        SessionId before = sessionOf(passwordLogin());
        enrolled(before);

        var admin = new io.latchkey.domain.model.user.UserId(java.util.UUID.randomUUID());
        kit.resetSecondFactors().reset(new ResetSecondFactorsCommand(admin, user.id())).block();

        assertThat(kit.sessions.findById(before).block().status())
                .as("a session opened with the lost factor does not survive the reset")
                .isEqualTo(io.latchkey.domain.model.session.SessionStatus.REVOKED);
        assertThat(kit.events.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                io.latchkey.domain.event.SessionRevoked.class,
                revoked -> assertThat(revoked.reason()).isEqualTo(io.latchkey.domain.model.session.RevocationReason.ADMIN)));
    }

    @Test
    void givenAdminResettingTheirOwnFactors_reset_isRefusedAndChangesNothing() {
        enrolled(sessionOf(passwordLogin()));

        var refused = catchThrowableOfType(io.latchkey.domain.error.InvalidInputException.class,
                () -> kit.resetSecondFactors().reset(new ResetSecondFactorsCommand(user.id(), user.id())).block());

        assertThat(refused.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("/me/mfa/totp"));
        assertThat(factors.status(user.id()).block().totp()).isEqualTo("active");
        assertThat(kit.events.events()).noneMatch(UserMfaDisabled.class::isInstance);
    }

    @Test
    void givenPendingEnrolment_wrongConfirmCodes_countTowardsTheSecondFactorLockout() {
        SessionId session = sessionOf(passwordLogin());
        factors.enrol(new EnrolTotpCommand(user.id(), session)).block();
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                    () -> factors.confirm(new MfaCallerCommand(user.id(), session, "000000")).block())).isNotNull();
        }

        assertThat(catchThrowableOfType(io.latchkey.domain.error.RateLimitedException.class,
                () -> factors.confirm(new MfaCallerCommand(user.id(), session, code(0))).block()))
                .as("locked: even the right code is refused").isNotNull();
        assertThat(factors.status(user.id()).block().totp()).isEqualTo("pending");
    }

    @Test
    void givenOtherPasswordSession_confirmingTotp_revokesItAndKeepsTheConfirmingOne() {
        LoginResult other = passwordLogin();
        SessionId session = sessionOf(passwordLogin());

        enrolled(session);

        assertThat(kit.sessions.findById(sessionOf(other)).block().revocationReason())
                .isEqualTo(io.latchkey.domain.model.session.RevocationReason.MFA_ENABLED);
        assertThat(kit.sessions.findById(session).block().revocationReason()).isNull();
        assertThat(catchThrowable(() -> kit.refresh().refresh(new io.latchkey.application.usecase.RefreshTokensCommand(
                other.tokens().refreshToken().value(), "192.0.2.1")).block())).isNotNull();
    }

    @Test
    void givenRegeneratedCodes_aCodeOfTheOldSet_isRefused() {
        SessionId session = sessionOf(passwordLogin());
        RecoveryCodes first = enrolled(session);
        kit.stepUp().stepUp(new StepUpCommand(user.id(), session, null, code(0), null, null)).block();
        RecoveryCodes second = factors.regenerate(new MfaCallerCommand(user.id(), session, null)).block();

        assertThat(catchThrowableOfType(InvalidSecondFactorException.class,
                () -> complete(challenged().mfaToken(), null, first.codes().get(0)))).isNotNull();
        assertThat(factors.status(user.id()).block().recoveryCodesRemaining()).isEqualTo(10);
        assertThat(complete(challenged().mfaToken(), null, second.codes().get(0)).tokens()).isNotNull();
    }

    @Test
    void givenMfaRequiredForAdmins_adminRoleCountsOnlyInSessionsWithMfa_inTheApiAndInTheTokens() {
        var policy = new io.latchkey.domain.model.mfa.MfaPolicy(Duration.ofMinutes(5), true, Duration.ofMinutes(5), 5,
                "Latchkey");
        ServiceTestKit strict = new ServiceTestKit(policy);
        SecondFactorsService strictFactors = strict.secondFactors();
        User admin = new User(new io.latchkey.domain.model.user.UserId(java.util.UUID.randomUUID()),
                io.latchkey.domain.model.user.Email.parse("root@example.com", "email"), user.passwordHash(), user.name(),
                user.status(), java.util.Set.of(User.ROLE_USER, User.ROLE_ADMIN), true, 0, user.createdAt(), user.updatedAt());
        strict.users.insert(admin).block();
        AuthenticateService authenticate = new AuthenticateService(strict.tokens, strict.cache,
                strict.sessions, strict.gate, policy, strict.clock);
        LoginResult passwordOnly = strict.login().login(new LoginCommand("root@example.com", UserFixtures.PASSWORD,
                ClientInfo.UNKNOWN)).block();

        var caller = authenticate.authenticate(new io.latchkey.application.usecase.AuthenticateCommand(
                passwordOnly.tokens().accessToken().encoded())).block();
        assertThat(caller.roles()).containsExactly(User.ROLE_USER);
        assertThat(strict.tokens.verify(passwordOnly.tokens().accessToken().encoded()).roles())
                .as("the token itself does not claim ADMIN").containsExactly(User.ROLE_USER);

        SessionId session = strict.tokens.verify(passwordOnly.tokens().accessToken().encoded()).sessionId();
        strictFactors.enrol(new EnrolTotpCommand(admin.id(), session)).block();
        byte[] secret = strict.factorSecrets.open(strict.factors.findTotp(admin.id()).block().secret()).value();
        long step = Totp.stepAt(strict.clock.instant());
        strictFactors.confirm(new MfaCallerCommand(admin.id(), session, Totp.codeAt(secret, step - 1))).block();
        var stepped = strict.stepUp().stepUp(new StepUpCommand(admin.id(), session, null, Totp.codeAt(secret, step), null, null))
                .block();

        assertThat(authenticate.authenticate(new io.latchkey.application.usecase.AuthenticateCommand(stepped.encoded()))
                .block().roles()).contains(User.ROLE_ADMIN);
        assertThat(strict.tokens.verify(stepped.encoded()).roles()).contains(User.ROLE_ADMIN);
    }
}
