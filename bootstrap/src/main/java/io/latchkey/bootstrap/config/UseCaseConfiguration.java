package io.latchkey.bootstrap.config;

import io.latchkey.application.service.AccountEraser;
import io.latchkey.application.service.AccountMail;
import io.latchkey.application.service.AttemptGate;
import io.latchkey.application.service.ChangePasswordService;
import io.latchkey.application.service.ConfirmEmailVerificationService;
import io.latchkey.application.service.ConfirmPasswordResetService;
import io.latchkey.application.service.DeleteAccountService;
import io.latchkey.application.service.DeleteUserService;
import io.latchkey.application.service.EnsureAdminService;
import io.latchkey.application.service.ListUsersService;
import io.latchkey.application.service.GetUserService;
import io.latchkey.application.service.GetAccountStatisticsService;
import io.latchkey.application.usecase.GetUserUseCase;
import io.latchkey.application.usecase.GetAccountStatisticsUseCase;
import io.latchkey.domain.port.StatisticsRepository;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.application.service.LoginGuard;
import io.latchkey.application.service.MailWriter;
import io.latchkey.application.service.ListAuditEventsService;
import io.latchkey.application.service.ListMyActivityService;
import io.latchkey.application.service.PurgeAuditEventsService;
import io.latchkey.application.service.PurgeExpiredAccountRecordsService;
import io.latchkey.application.service.RelayMailService;
import io.latchkey.application.service.RequestEmailVerificationService;
import io.latchkey.application.service.RequestPasswordResetService;
import io.latchkey.application.service.RevokeUserSessionsService;
import io.latchkey.application.service.SetUserStatusService;
import io.latchkey.application.service.UpdateProfileService;
import io.latchkey.application.usecase.ChangePasswordUseCase;
import io.latchkey.application.usecase.ConfirmEmailVerificationUseCase;
import io.latchkey.application.usecase.ConfirmPasswordResetUseCase;
import io.latchkey.application.usecase.DeleteAccountUseCase;
import io.latchkey.application.usecase.DeleteUserUseCase;
import io.latchkey.application.usecase.EnsureAdminUseCase;
import io.latchkey.application.usecase.ListUsersUseCase;
import io.latchkey.application.usecase.ListAuditEventsUseCase;
import io.latchkey.application.usecase.ListMyActivityUseCase;
import io.latchkey.application.usecase.PurgeAuditEventsUseCase;
import io.latchkey.application.usecase.PurgeExpiredAccountRecordsUseCase;
import io.latchkey.application.usecase.RelayMailUseCase;
import io.latchkey.application.usecase.RequestEmailVerificationUseCase;
import io.latchkey.application.usecase.RequestPasswordResetUseCase;
import io.latchkey.application.usecase.RevokeUserSessionsUseCase;
import io.latchkey.application.usecase.SetUserStatusUseCase;
import io.latchkey.application.usecase.UpdateProfileUseCase;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.port.AuditRepository;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.MailTransport;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.application.service.AuthenticateService;
import io.latchkey.application.service.FallbackGate;
import io.latchkey.application.service.PurgeLedgers;
import io.latchkey.application.service.GetProfileService;
import io.latchkey.application.service.LoginService;
import io.latchkey.application.service.MfaRequirement;
import io.latchkey.application.service.SessionOpener;
import io.latchkey.application.service.StepUpGuard;
import io.latchkey.adapters.redis.LocalEventLedger;
import io.latchkey.adapters.redis.RedisEventLedger;
import io.latchkey.application.service.EvictLocalAuthStateService;
import io.latchkey.application.service.EvictSharedAuthStateService;
import io.latchkey.application.service.IntrospectTokenService;
import io.latchkey.application.service.PurgePublishedEventsService;
import io.latchkey.application.service.PublishRelayHeartbeatService;
import io.latchkey.application.service.RelayOutboxService;
import io.latchkey.application.usecase.PublishRelayHeartbeatUseCase;
import io.latchkey.domain.port.RelayHeartbeatPublisher;
import io.latchkey.application.usecase.EvictLocalAuthStateUseCase;
import io.latchkey.application.usecase.EvictSharedAuthStateUseCase;
import io.latchkey.application.usecase.PurgePublishedEventsUseCase;
import io.latchkey.application.usecase.RelayOutboxUseCase;
import io.latchkey.domain.model.outbox.RetryPolicy;
import io.latchkey.domain.port.EventStreamProducer;
import io.latchkey.domain.port.OutboxRepository;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import io.latchkey.application.service.ListSessionsService;
import io.latchkey.application.service.LogoutAllSessionsService;
import io.latchkey.application.service.LogoutService;
import io.latchkey.application.service.PurgeEndedSessionsService;
import io.latchkey.application.service.RefreshTokensService;
import io.latchkey.application.service.RegisterAccountService;
import io.latchkey.application.service.RevokeSessionService;
import io.latchkey.application.service.SessionRevoker;
import io.latchkey.application.usecase.IntrospectTokenUseCase;
import io.latchkey.application.usecase.ListSessionsUseCase;
import io.latchkey.application.usecase.LogoutAllSessionsUseCase;
import io.latchkey.application.usecase.LogoutUseCase;
import io.latchkey.application.usecase.PurgeEndedSessionsUseCase;
import io.latchkey.application.usecase.RefreshTokensUseCase;
import io.latchkey.application.usecase.RevokeSessionUseCase;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.application.usecase.RegisterAccountUseCase;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.IdentityLinkRepository;
import io.latchkey.domain.port.KnownDevices;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.RefreshTokenGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds each use-case service by hand and exposes it only as its use-case interface. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    RegisterAccountUseCase registerAccountUseCase(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
            IdGenerator ids, OutboxWriter events, TransactionRunner transactions, AttemptGate gate,
            AbuseLimits limits, AccountMail accountMail, InstantSource clock) {
        return new RegisterAccountService(users, hasher, policy, ids, events, transactions, gate, limits, accountMail,
                clock);
    }

    @Bean
    SessionOpener sessionOpener(UserRepository users, SessionRepository sessions, RefreshTokenGenerator refreshTokens,
            AccessTokenIssuer issuer, IdGenerator ids, OutboxWriter events, TransactionRunner transactions,
            AuthCache cache, TokenPolicy policy, io.latchkey.domain.model.mfa.MfaPolicy mfa, AccountPolicy accounts,
            InstantSource clock) {
        return new SessionOpener(users, sessions, refreshTokens, issuer, ids, events, transactions, cache, policy, mfa,
                accounts, clock);
    }

    @Bean
    LoginUseCase loginUseCase(MfaRequirement mfa, IdGenerator ids, LoginGuard guard, KnownDevices devices,
            InstantSource clock) {
        return new LoginService(mfa, ids, guard, devices, clock);
    }

    @Bean
    RequestEmailVerificationUseCase requestEmailVerificationUseCase(AttemptGate gate, AbuseLimits limits,
            AccountMail accountMail, TransactionRunner transactions) {
        return new RequestEmailVerificationService(gate, limits, accountMail, transactions);
    }

    @Bean
    ConfirmEmailVerificationUseCase confirmEmailVerificationUseCase(UserRepository users, AccountMail accountMail,
            OutboxWriter events, TransactionRunner transactions, SessionRevoker revoker, AttemptGate gate,
            AbuseLimits limits, AccountPolicy policy, IdGenerator ids, InstantSource clock) {
        return new ConfirmEmailVerificationService(users, accountMail, events, transactions, revoker, gate, limits, policy,
                ids, clock);
    }

    @Bean
    UpdateProfileUseCase updateProfileUseCase(UserRepository users, OutboxWriter events,
            TransactionRunner transactions, SessionRevoker revoker, IdGenerator ids, InstantSource clock) {
        return new UpdateProfileService(users, events, transactions, revoker, ids, clock);
    }

    @Bean
    ChangePasswordUseCase changePasswordUseCase(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
            PasswordResetTokens resetTokens, SessionRevoker revoker, OutboxWriter events,
            TransactionRunner transactions, IdGenerator ids, LoginGuard guard, AccountMail accountMail,
            StepUpGuard stepUp, InstantSource clock) {
        return new ChangePasswordService(users, hasher, policy, resetTokens, revoker, events, transactions, ids, guard,
                accountMail, stepUp, clock);
    }

    @Bean
    RequestPasswordResetUseCase requestPasswordResetUseCase(AccountMail accountMail, TransactionRunner transactions,
            AttemptGate gate, AbuseLimits limits) {
        return new RequestPasswordResetService(accountMail, transactions, gate, limits);
    }

    @Bean
    ConfirmPasswordResetUseCase confirmPasswordResetUseCase(UserRepository users, PasswordResetTokens resetTokens,
            LoginFailures loginFailures, AccountMail accountMail, PasswordHasher hasher, PasswordPolicy policy, SessionRevoker revoker,
            OutboxWriter events, TransactionRunner transactions, AttemptGate gate, AbuseLimits limits,
            IdGenerator ids, InstantSource clock, IdentityLinkRepository links, PasskeyRepository passkeys) {
        return new ConfirmPasswordResetService(users, resetTokens, loginFailures, accountMail, hasher, policy, revoker,
                events, transactions, gate, limits, ids, clock, links, passkeys);
    }

    @Bean
    DeleteAccountUseCase deleteAccountUseCase(UserRepository users, LoginGuard guard, AccountEraser eraser,
            StepUpGuard stepUp) {
        return new DeleteAccountService(users, guard, eraser, stepUp);
    }

    @Bean
    DeleteUserUseCase deleteUserUseCase(UserRepository users, AccountEraser eraser) {
        return new DeleteUserService(users, eraser);
    }

    @Bean
    ListUsersUseCase listUsersUseCase(UserRepository users) {
        return new ListUsersService(users);
    }

    @Bean
    SetUserStatusUseCase setUserStatusUseCase(UserRepository users, PasswordResetTokens resetTokens,
            AccountMail accountMail, SessionRevoker revoker, OutboxWriter events, TransactionRunner transactions,
            IdGenerator ids, InstantSource clock) {
        return new SetUserStatusService(users, resetTokens, accountMail, revoker, events, transactions, ids, clock);
    }

    @Bean
    RevokeUserSessionsUseCase revokeUserSessionsUseCase(UserRepository users, SessionRevoker revoker) {
        return new RevokeUserSessionsService(users, revoker);
    }

    @Bean
    EnsureAdminUseCase ensureAdminUseCase(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
            OutboxWriter events, TransactionRunner transactions, SessionRevoker revoker, IdGenerator ids,
            InstantSource clock) {
        return new EnsureAdminService(users, hasher, policy, events, transactions, revoker, ids, clock);
    }

    @Bean
    RelayMailUseCase relayMailUseCase(MailOutbox outbox, MailTransport transport, MailWriter writer,
            TransactionRunner transactions, InstantSource clock) {
        return new RelayMailService(outbox, transport, writer, transactions, RetryPolicy.MAIL, clock);
    }

    @Bean
    AuthenticateUseCase authenticateUseCase(AccessTokenVerifier verifier, AuthCache cache,
            SessionRepository sessions, FallbackGate fallbackGate, io.latchkey.domain.model.mfa.MfaPolicy mfa,
            InstantSource clock) {
        return new AuthenticateService(verifier, cache, sessions, fallbackGate, mfa, clock);
    }

    @Bean
    SessionRevoker sessionRevoker(SessionRepository sessions, UserRepository users, AuthCache cache,
            PurgeLedgers ledgers, OutboxWriter events, TransactionRunner transactions, IdGenerator ids,
            TokenPolicy policy, InstantSource clock) {
        return new SessionRevoker(sessions, users, cache, ledgers, events, transactions, ids, policy, clock);
    }

    @Bean
    RefreshTokensUseCase refreshTokensUseCase(SessionRepository sessions,
            RefreshTokenGenerator refreshTokens, AccessTokenIssuer issuer, SessionRevoker revoker,
            TransactionRunner transactions, IdGenerator ids, TokenPolicy policy,
            io.latchkey.domain.model.mfa.MfaPolicy mfa, AttemptGate gate, AbuseLimits limits, InstantSource clock) {
        return new RefreshTokensService(sessions, refreshTokens, issuer, revoker, transactions, ids, policy, mfa, gate,
                limits, clock);
    }

    @Bean
    LogoutUseCase logoutUseCase(SessionRevoker revoker) {
        return new LogoutService(revoker);
    }

    @Bean
    LogoutAllSessionsUseCase logoutAllSessionsUseCase(SessionRevoker revoker) {
        return new LogoutAllSessionsService(revoker);
    }

    @Bean
    RevokeSessionUseCase revokeSessionUseCase(SessionRepository sessions, SessionRevoker revoker) {
        return new RevokeSessionService(sessions, revoker);
    }

    @Bean
    ListSessionsUseCase listSessionsUseCase(SessionRepository sessions, InstantSource clock) {
        return new ListSessionsService(sessions, clock);
    }

    @Bean
    IntrospectTokenUseCase introspectTokenUseCase(AccessTokenVerifier verifier, AuthCache cache,
            SessionRepository sessions, FallbackGate fallbackGate, InstantSource clock) {
        return new IntrospectTokenService(verifier, cache, sessions, fallbackGate, clock);
    }

    @Bean
    PurgeEndedSessionsUseCase purgeEndedSessionsUseCase(SessionRepository sessions, InstantSource clock) {
        return new PurgeEndedSessionsService(sessions, clock);
    }

    @Bean
    RelayOutboxUseCase relayOutboxUseCase(OutboxRepository outbox, EventStreamProducer stream,
            TransactionRunner transactions, InstantSource clock) {
        return new RelayOutboxService(outbox, stream, transactions, RetryPolicy.DEFAULT, clock);
    }

    @Bean
    PublishRelayHeartbeatUseCase publishRelayHeartbeatUseCase(OutboxRepository outbox,
            RelayHeartbeatPublisher heartbeats, InstantSource clock) {
        return new PublishRelayHeartbeatService(outbox, heartbeats, clock);
    }

    @Bean
    PurgeExpiredAccountRecordsUseCase purgeExpiredAccountRecordsUseCase(PasswordResetTokens resetTokens,
            LoginFailures loginFailures, InstantSource clock) {
        return new PurgeExpiredAccountRecordsService(resetTokens, loginFailures, clock);
    }

    @Bean
    ListAuditEventsUseCase listAuditEventsUseCase(AuditRepository audit) {
        return new ListAuditEventsService(audit);
    }

    @Bean
    ListMyActivityUseCase listMyActivityUseCase(AuditRepository audit) {
        return new ListMyActivityService(audit);
    }

    @Bean
    PurgeAuditEventsUseCase purgeAuditEventsUseCase(AuditRepository audit, InstantSource clock) {
        return new PurgeAuditEventsService(audit, clock);
    }

    @Bean
    PurgePublishedEventsUseCase purgePublishedEventsUseCase(OutboxRepository outbox, InstantSource clock) {
        return new PurgePublishedEventsService(outbox, clock);
    }

    /** Which auth events' purges were applied: once for the cluster (in Redis), and by this instance. */
    @Bean
    PurgeLedgers purgeLedgers(ReactiveStringRedisTemplate redis) {
        return new PurgeLedgers(new RedisEventLedger(redis, "auth-cache", Duration.ofDays(2)),
                new LocalEventLedger(100_000, Duration.ofHours(1)));
    }

    @Bean
    EvictSharedAuthStateUseCase evictSharedAuthStateUseCase(AuthCache cache, PurgeLedgers ledgers) {
        return new EvictSharedAuthStateService(cache, ledgers.shared());
    }

    @Bean
    EvictLocalAuthStateUseCase evictLocalAuthStateUseCase(AuthCache cache, PurgeLedgers ledgers) {
        return new EvictLocalAuthStateService(cache, ledgers.local());
    }

    @Bean
    GetProfileUseCase getProfileUseCase(AuthCache cache, UserRepository users, FallbackGate fallbackGate) {
        return new GetProfileService(cache, users, fallbackGate);
    }

    // Admin console reads.
    @Bean
    GetUserUseCase getUserUseCase(UserRepository users) {
        return new GetUserService(users);
    }

    @Bean
    GetAccountStatisticsUseCase getAccountStatisticsUseCase(StatisticsRepository statistics, InstantSource clock) {
        return new GetAccountStatisticsService(statistics, clock);
    }
}
