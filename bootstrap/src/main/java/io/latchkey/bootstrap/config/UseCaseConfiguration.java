package io.latchkey.bootstrap.config;

import io.latchkey.application.service.AuthenticateService;
import io.latchkey.application.service.FallbackGate;
import io.latchkey.application.service.GetProfileService;
import io.latchkey.application.service.LoginService;
import io.latchkey.application.service.RegisterAccountService;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.application.usecase.RegisterAccountUseCase;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.AuthEventPublisher;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.RefreshTokenGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserAuthCache;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds each use-case service by hand and exposes it only as its use-case interface. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    RegisterAccountUseCase registerAccountUseCase(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
            IdGenerator ids, AuthEventPublisher events, TransactionRunner transactions, InstantSource clock) {
        return new RegisterAccountService(users, hasher, policy, ids, events, transactions, clock);
    }

    @Bean
    LoginUseCase loginUseCase(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
            RefreshTokenGenerator refreshTokens, AccessTokenIssuer issuer, IdGenerator ids, AuthEventPublisher events,
            TransactionRunner transactions, UserAuthCache cache, TokenPolicy policy, InstantSource clock) {
        return new LoginService(users, sessions, hasher, refreshTokens, issuer, ids, events, transactions, cache, policy,
                clock);
    }

    @Bean
    AuthenticateUseCase authenticateUseCase(AccessTokenVerifier verifier, UserAuthCache cache,
            SessionRepository sessions, FallbackGate fallbackGate, InstantSource clock) {
        return new AuthenticateService(verifier, cache, sessions, fallbackGate, clock);
    }

    @Bean
    GetProfileUseCase getProfileUseCase(UserAuthCache cache, UserRepository users, FallbackGate fallbackGate) {
        return new GetProfileService(cache, users, fallbackGate);
    }
}
