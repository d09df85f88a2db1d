package io.latchkey.application.service;

import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.testfixtures.DirectTransactionRunner;
import io.latchkey.domain.testfixtures.FakePasswordHasher;
import io.latchkey.domain.testfixtures.FakeTokens;
import io.latchkey.domain.testfixtures.InMemorySessionRepository;
import io.latchkey.domain.testfixtures.InMemoryNearAuthCache;
import io.latchkey.domain.testfixtures.InMemoryUserAuthCache;
import io.latchkey.domain.testfixtures.InMemoryUserRepository;
import io.latchkey.domain.testfixtures.MutableInstantSource;
import io.latchkey.domain.testfixtures.RecordingAuthEventPublisher;
import java.util.Set;
import java.util.UUID;

/** One set of in-memory ports wired into every service, as the application would wire the real ones. */
final class ServiceTestKit {

    final MutableInstantSource clock = MutableInstantSource.atDefaultStart();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users, clock);
    final InMemoryUserAuthCache cache = new InMemoryUserAuthCache();
    final InMemoryNearAuthCache near = new InMemoryNearAuthCache();
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakeTokens tokens = new FakeTokens(clock);
    final RecordingAuthEventPublisher events = new RecordingAuthEventPublisher();
    final DirectTransactionRunner transactions = new DirectTransactionRunner();
    final IdGenerator ids = UUID::randomUUID;
    final TokenPolicy policy = TokenPolicy.DEFAULTS;
    final FallbackGate gate = new FallbackGate(2);

    RegisterAccountService register() {
        return new RegisterAccountService(users, hasher, PasswordPolicy.standard(Set.of("password123")), ids, events,
                transactions, clock);
    }

    LoginService login() {
        return new LoginService(users, sessions, hasher, tokens, tokens, ids, events, transactions, cache, policy, clock);
    }

    AuthenticateService authenticate() {
        return new AuthenticateService(tokens, near, cache, sessions, gate, clock);
    }

    SessionRevoker revoker() {
        return new SessionRevoker(sessions, users, near, cache, events, transactions, ids, policy, clock);
    }

    RefreshTokensService refresh() {
        return new RefreshTokensService(sessions, users, tokens, tokens, events, transactions, revoker(), ids, policy, clock);
    }

    GetProfileService profiles() {
        return new GetProfileService(near, cache, users, gate);
    }
}
