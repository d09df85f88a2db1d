package io.latchkey.bootstrap.config;

import io.latchkey.adapters.mail.MailSettings;
import io.latchkey.adapters.redis.RateLimiterSettings;
import io.latchkey.adapters.web.ClientAddressSettings;
import io.latchkey.adapters.redis.RedisSecret;
import io.latchkey.adapters.web.security.RefreshTokenSecret;
import io.latchkey.application.service.AccountEraser;
import io.latchkey.application.service.AccountMail;
import io.latchkey.application.service.AttemptGate;
import io.latchkey.application.service.LoginAudit;
import io.latchkey.application.service.LoginGuard;
import io.latchkey.application.service.MailWriter;
import io.latchkey.application.service.SessionRevoker;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.port.AddressDigests;
import io.latchkey.domain.port.AuditRepository;
import io.latchkey.domain.port.AuthEventPublisher;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.RateLimiter;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import io.latchkey.domain.port.VerificationCodeStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account-lifecycle policies and the shared helpers the account use cases are built from. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    AccountPolicy accountPolicy(AccountProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    LockoutPolicy lockoutPolicy(AccountProperties properties) {
        return properties.toLockout();
    }

    @Bean
    AbuseLimits abuseLimits(RateLimitProperties properties) {
        return properties.toLimits();
    }

    @Bean
    RateLimiterSettings rateLimiterSettings(RateLimitProperties properties) {
        return new RateLimiterSettings(properties.fallbackDivisor(), properties.localMaxKeys());
    }

    @Bean
    AttemptGate attemptGate(RateLimiter limiter, RateLimitProperties properties) {
        return new AttemptGate(limiter, properties.enabled());
    }

    @Bean
    ClientAddressSettings clientAddressSettings(ClientAddressProperties properties) {
        return new ClientAddressSettings(properties.trustedProxies());
    }

    @Bean
    MailSettings mailSettings(MailProperties properties) {
        return new MailSettings(properties.from());
    }

    /** Derived from the refresh-token secret, so every replica has it without one more secret to distribute. */
    @Bean
    RedisSecret redisSecret(RefreshTokenSecret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            return new RedisSecret(mac.doFinal("latchkey redis keys and codes v1".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Bean
    AccountMail accountMail(VerificationCodeStore codes, OneTimeSecrets secrets, MailOutbox outbox, IdGenerator ids,
            AccountPolicy policy, InstantSource clock) {
        return new AccountMail(codes, secrets, outbox, ids, policy, clock);
    }

    @Bean
    MailWriter mailWriter(UserRepository users, PasswordResetTokens resetTokens, AccountMail accountMail,
            AccountPolicy policy) {
        return new MailWriter(users, resetTokens, accountMail, policy);
    }

    @Bean
    LoginGuard loginGuard(AttemptGate gate, AbuseLimits limits, UserRepository users, LoginFailures failures,
            LockoutPolicy lockout, PasswordHasher hasher, AccountPolicy accounts, AuditRepository audit,
            AddressDigests digests, IdGenerator ids, InstantSource clock) {
        return new LoginGuard(gate, limits, users, failures, lockout, hasher, accounts,
                new LoginAudit(audit, digests, users, ids, clock), clock);
    }

    @Bean
    AccountEraser accountEraser(UserRepository users, SessionRevoker revoker, AccountMail accountMail,
            AuthEventPublisher events, TransactionRunner transactions, IdGenerator ids, InstantSource clock) {
        return new AccountEraser(users, revoker, accountMail, events, transactions, ids, clock);
    }
}
