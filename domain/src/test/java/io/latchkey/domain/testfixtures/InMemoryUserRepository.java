package io.latchkey.domain.testfixtures;

import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.UserRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Accounts in a map, with the same unique-email rule as the real table. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> byId = new ConcurrentHashMap<>();
    private final Map<Email, UserId> byEmail = new ConcurrentHashMap<>();

    @Override
    public Mono<User> insert(User user) {
        return Mono.fromCallable(() -> {
            if (byEmail.putIfAbsent(user.email(), user.id()) != null) {
                throw new EmailAlreadyRegisteredException();
            }
            byId.put(user.id(), user);
            return user;
        });
    }

    @Override
    public Mono<User> findByEmail(Email email) {
        return Mono.justOrEmpty(byEmail.get(email)).mapNotNull(byId::get);
    }

    @Override
    public Mono<User> findById(UserId id) {
        return Mono.justOrEmpty(byId.get(id));
    }

    @Override
    public Mono<Long> raiseAuthEpoch(UserId id) {
        return Mono.fromCallable(() -> byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.email(), u.passwordHash(),
                u.name(), u.status(), u.roles(), u.emailVerified(), u.authEpoch() + 1, u.createdAt(), u.updatedAt())))
                .map(User::authEpoch);
    }

    public void replace(User user) {
        byId.put(user.id(), user);
    }

    public int count() {
        return byId.size();
    }
}
