package io.latchkey.application.service;

import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.testfixtures.DirectTransactionRunner;
import io.latchkey.domain.testfixtures.FakePasswordHasher;
import io.latchkey.domain.testfixtures.FakeTokens;
import io.latchkey.domain.testfixtures.InMemorySessionRepository;
import io.latchkey.domain.testfixtures.InMemoryAuthCache;
import io.latchkey.domain.testfixtures.InMemoryEventLedger;
import io.latchkey.domain.testfixtures.InMemoryUserRepository;
import io.latchkey.domain.testfixtures.MutableInstantSource;
import io.latchkey.domain.testfixtures.RecordingOutboxWriter;
import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.outbox.RetryPolicy;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import java.util.UUID;
import java.time.Duration;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.testfixtures.FakeOneTimeSecrets;
import io.latchkey.domain.testfixtures.FakeKnownDevices;
import io.latchkey.domain.testfixtures.InMemoryLoginFailures;
import io.latchkey.domain.testfixtures.InMemoryMailOutbox;
import io.latchkey.domain.testfixtures.InMemoryPasswordResetTokens;
import io.latchkey.domain.testfixtures.InMemoryRateLimiter;
import io.latchkey.domain.testfixtures.InMemoryVerificationCodeStore;

/** One set of in-memory ports wired into every service, as the application would wire the real ones. */
final class ServiceTestKit {

    final MutableInstantSource clock = MutableInstantSource.atDefaultStart();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final RecordingOutboxWriter events = new RecordingOutboxWriter();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users, events, clock);
    final InMemoryAuthCache cache = new InMemoryAuthCache();
    final PurgeLedgers ledgers = new PurgeLedgers(new InMemoryEventLedger(), new InMemoryEventLedger());
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakeTokens tokens = new FakeTokens(clock);
    final InMemoryIdentityLinkRepository links = new InMemoryIdentityLinkRepository();
    final DirectTransactionRunner transactions = new DirectTransactionRunner();
    final IdGenerator ids = UUID::randomUUID;
    final TokenPolicy policy = TokenPolicy.DEFAULTS;
    final FallbackGate gate = new FallbackGate(2);
    final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
    final InMemoryVerificationCodeStore codes = new InMemoryVerificationCodeStore(clock);
    final InMemoryMailOutbox mails = new InMemoryMailOutbox();
    final FakeOneTimeSecrets secrets = new FakeOneTimeSecrets();
    final InMemoryLoginFailures loginFailures = new InMemoryLoginFailures();
    final io.latchkey.domain.testfixtures.InMemoryAuditRepository audit = new io.latchkey.domain.testfixtures.InMemoryAuditRepository();
    final FakeKnownDevices devices = new FakeKnownDevices();
    final InMemoryPasswordResetTokens resetTokens = new InMemoryPasswordResetTokens();
    final PasswordPolicy passwordPolicy = PasswordPolicy.standard(Set.of("password123"));
    final AccountPolicy accountPolicy = new AccountPolicy(false, Duration.ofMinutes(5), 5, Duration.ofMinutes(30), null);
    final AbuseLimits limits = new AbuseLimits(limit("login-ip", 20), limit("login-account", 10), limit("register-ip", 10), limit("register-account", 3),
            limit("verify-ip", 30), limit("verify-account", 10), limit("resend-ip", 10),
            new RateLimit("resend-account", 1, Duration.ofSeconds(60)), limit("reset-ip", 10), limit("reset-account", 3),
            limit("reset-confirm-ip", 20), limit("refresh-failures-ip", 30));
    final LockoutPolicy lockout = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));
    final io.latchkey.domain.testfixtures.InMemorySecondFactorRepository factors =
            new io.latchkey.domain.testfixtures.InMemorySecondFactorRepository();
    final io.latchkey.domain.testfixtures.FakeFactorSecrets factorSecrets = new io.latchkey.domain.testfixtures.FakeFactorSecrets();
    final io.latchkey.domain.testfixtures.InMemoryMfaChallengeStore challenges =
            new io.latchkey.domain.testfixtures.InMemoryMfaChallengeStore(clock);
    final io.latchkey.domain.testfixtures.InMemoryPasskeyRepository passkeys =
            new io.latchkey.domain.testfixtures.InMemoryPasskeyRepository();
    final io.latchkey.domain.model.mfa.MfaPolicy mfaPolicy;

    ServiceTestKit() {
        this(io.latchkey.domain.model.mfa.MfaPolicy.DEFAULTS);
    }

    ServiceTestKit(io.latchkey.domain.model.mfa.MfaPolicy mfaPolicy) {
        this.mfaPolicy = mfaPolicy;
    }

    SecondFactorVerifier secondFactorVerifier() {
        return new SecondFactorVerifier(factors, passkeys, factorSecrets, loginFailures, lockout, mails, transactions, ids, clock);
    }

    StepUpGuard stepUpGuard() {
        return new StepUpGuard(sessions, secondFactorVerifier(), mfaPolicy, clock);
    }

    MfaRequirement mfaRequirement(AccountPolicy accounts) {
        return new MfaRequirement(secondFactorVerifier(), challenges, factorSecrets, opener(accounts), mfaPolicy);
    }

    CompleteMfaChallengeService completeMfa() {
        return new CompleteMfaChallengeService(challenges, users, secondFactorVerifier(), passkeyAssertions(),
                opener(accountPolicy), devices,
                ids, mfaPolicy, attempts(), limits, clock);
    }

    StepUpService stepUp() {
        return new StepUpService(users, sessions, guard(accountPolicy), secondFactorVerifier(), passkeyAssertions(),
                tokens, ids, policy, mfaPolicy,
                clock);
    }

    SecondFactorsService secondFactors() {
        return new SecondFactorsService(users, factors, factorSecrets, factorSecrets, stepUpGuard(), secondFactorVerifier(),
                revoker(), events, transactions, ids, mfaPolicy, clock);
    }

    ResetSecondFactorsService resetSecondFactors() {
        return new ResetSecondFactorsService(users, factors, passkeys, revoker(), events, mails, transactions, ids, clock);
    }

    /** No WebAuthn verification in unit tests: every passkey answer is refused; the ITs verify real ones. */
    PasskeyAssertions passkeyAssertions() {
        io.latchkey.domain.port.PasskeyCeremonyStore noCeremonies = new io.latchkey.domain.port.PasskeyCeremonyStore() {
            @Override
            public Mono<Void> save(String challenge, io.latchkey.domain.model.passkey.PasskeyCeremony ceremony, Duration ttl) {
                return Mono.empty();
            }

            @Override
            public Mono<io.latchkey.domain.model.passkey.PasskeyCeremony> take(String challenge) {
                return Mono.empty();
            }
        };
        io.latchkey.domain.port.PasskeyVerifier refusing = new io.latchkey.domain.port.PasskeyVerifier() {
            @Override
            public String challengeOf(byte[] clientDataJson) {
                return new String(clientDataJson, java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public io.latchkey.domain.model.passkey.VerifiedCredential verifyRegistration(
                    io.latchkey.domain.model.passkey.PasskeyRegistration registration, String challenge, boolean uv) {
                throw new io.latchkey.domain.error.InvalidPasskeyException();
            }

            @Override
            public long verifyAssertion(io.latchkey.domain.model.passkey.PasskeyAssertion assertion,
                    io.latchkey.domain.model.passkey.Passkey stored, String challenge, boolean uv) {
                throw new io.latchkey.domain.error.InvalidPasskeyException();
            }
        };
        return new PasskeyAssertions(noCeremonies, passkeys, refusing, clock);
    }

    private static RateLimit limit(String scope, int perMinute) {
        return new RateLimit(scope, perMinute, Duration.ofMinutes(1));
    }

    AttemptGate attempts() {
        return new AttemptGate(limiter, true);
    }

    AccountMail accountMail() {
        return new AccountMail(codes, secrets, mails, ids, accountPolicy, clock);
    }

    RegisterAccountService register() {
        return new RegisterAccountService(users, hasher, passwordPolicy, ids, events, transactions, attempts(), limits,
                accountMail(), clock);
    }

    LoginService login() {
        return login(accountPolicy);
    }

    LoginService login(AccountPolicy accounts) {
        return new LoginService(mfaRequirement(accounts), ids, guard(accounts), devices, clock);
    }

    SessionOpener opener(AccountPolicy accounts) {
        return new SessionOpener(users, sessions, tokens, tokens, ids, events, transactions, cache, policy, mfaPolicy,
                accounts, clock);
    }

    LoginGuard guard(AccountPolicy accounts) {
        return new LoginGuard(attempts(), limits, users, loginFailures, lockout, hasher, accounts,
                new LoginAudit(audit, address -> "digest-of-" + address.key(), users, ids, clock), clock);
    }

    AuthenticateService authenticate() {
        return new AuthenticateService(tokens, cache, sessions, gate, clock);
    }

    SessionRevoker revoker() {
        return new SessionRevoker(sessions, users, cache, ledgers, events, transactions, ids, policy, clock);
    }

    RefreshTokensService refresh() {
        return new RefreshTokensService(sessions, tokens, tokens, revoker(), transactions, ids, policy,
                mfaPolicy, attempts(), limits, clock);
    }

    RequestEmailVerificationService requestVerification() {
        return new RequestEmailVerificationService(attempts(), limits, accountMail(), transactions);
    }

    ConfirmEmailVerificationService confirmVerification() {
        return new ConfirmEmailVerificationService(users, accountMail(), events, transactions, revoker(), attempts(),
                limits, accountPolicy, ids, clock);
    }

    RequestPasswordResetService requestReset() {
        return new RequestPasswordResetService(accountMail(), transactions, attempts(), limits);
    }

    /** Every mail the relay sent so far, oldest first. */
    final List<OutgoingMail> sent = new java.util.ArrayList<>();

    /** Runs one relay round, as the mail relay loop would; the mails sent so far. */
    List<OutgoingMail> deliverMail() {
        new RelayMailService(mails, mail -> Mono.fromRunnable(() -> sent.add(mail)), mailWriter(), transactions,
                RetryPolicy.MAIL, clock).relay(new io.latchkey.application.usecase.RelayMailCommand(100)).block();
        return sent;
    }

    MailWriter mailWriter() {
        return new MailWriter(users, resetTokens, accountMail(), accountPolicy);
    }

    ConfirmPasswordResetService confirmReset() {
        return new ConfirmPasswordResetService(users, resetTokens, loginFailures, accountMail(), hasher, passwordPolicy, revoker(),
                events, transactions, attempts(), limits, ids, clock, links, passkeys);
    }

    ChangePasswordService changePassword() {
        return new ChangePasswordService(users, hasher, passwordPolicy, resetTokens, revoker(), events, transactions,
                ids, guard(accountPolicy), accountMail(), stepUpGuard(), clock);
    }

    GetProfileService profiles() {
        return new GetProfileService(cache, users, gate);
    }
}
