package io.latchkey.domain.testfixtures;

import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserPage;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Accounts in a map, with the same unique-address-key rule as the real table. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> byId = new ConcurrentHashMap<>();
    private final Map<String, UserId> byEmail = new ConcurrentHashMap<>();

    @Override
    public Mono<User> insert(User user) {
        return Mono.fromCallable(() -> {
            if (byEmail.putIfAbsent(user.email().key(), user.id()) != null) {
                throw new EmailAlreadyRegisteredException();
            }
            byId.put(user.id(), user);
            return user;
        });
    }

    @Override
    public Mono<User> findByEmail(Email email) {
        return Mono.justOrEmpty(byEmail.get(email.key())).mapNotNull(byId::get);
    }

    @Override
    public Mono<User> findById(UserId id) {
        return Mono.justOrEmpty(byId.get(id));
    }

    @Override
    public Mono<User> findByIdForShare(UserId id) {
        return findById(id);
    }

    @Override
    public Mono<Long> raiseAuthEpoch(UserId id) {
        return Mono.fromCallable(() -> byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.email(), u.passwordHash(),
                u.name(), u.status(), u.roles(), u.emailVerified(), u.authEpoch() + 1, u.createdAt(), u.updatedAt())))
                .map(User::authEpoch);
    }

    @Override
    public Mono<User> updateName(UserId id, PersonName name, Instant now) {
        return Mono.fromCallable(() -> byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.email(), u.passwordHash(),
                name, u.status(), u.roles(), u.emailVerified(), u.authEpoch(), u.createdAt(), now)));
    }

    @Override
    public Mono<Boolean> updatePassword(UserId id, PasswordHash hash, Instant now) {
        return Mono.fromCallable(() -> byId.computeIfPresent(id, (key, u) -> new User(u.id(), u.email(), hash,
                u.name(), u.status(), u.roles(), u.emailVerified(), u.authEpoch(), u.createdAt(), now)) != null);
    }

    @Override
    public Mono<Boolean> rehashPassword(UserId id, PasswordHash current, PasswordHash replacement, Instant now) {
        return change(id, u -> u.passwordHash().equals(current), u -> new User(u.id(), u.email(), replacement,
                u.name(), u.status(), u.roles(), u.emailVerified(), u.authEpoch(), u.createdAt(), now));
    }

    @Override
    public Mono<Boolean> markEmailVerified(UserId id, Instant now) {
        return change(id, u -> !u.emailVerified(), u -> new User(u.id(), u.email(), u.passwordHash(), u.name(),
                u.status(), u.roles(), true, u.authEpoch(), u.createdAt(), now));
    }

    @Override
    public Mono<Boolean> updateStatus(UserId id, UserStatus status, Instant now) {
        return change(id, u -> u.status() != status, u -> new User(u.id(), u.email(), u.passwordHash(), u.name(),
                status, u.roles(), u.emailVerified(), u.authEpoch(), u.createdAt(), now));
    }

    @Override
    public Mono<Boolean> addRole(UserId id, String role, Instant now) {
        return change(id, u -> !u.roles().contains(role), u -> {
            Set<String> roles = new HashSet<>(u.roles());
            roles.add(role);
            return new User(u.id(), u.email(), u.passwordHash(), u.name(), u.status(), roles, u.emailVerified(),
                    u.authEpoch(), u.createdAt(), now);
        });
    }

    @Override
    public Mono<Boolean> delete(UserId id) {
        return Mono.fromCallable(() -> {
            User removed = byId.remove(id);
            if (removed != null) {
                byEmail.remove(removed.email().key());
            }
            return removed != null;
        });
    }

    @Override
    public Mono<UserPage> search(String emailFragment, int page, int size) {
        return Mono.fromCallable(() -> {
            List<User> matches = byId.values().stream()
                    .filter(u -> u.email().value().toLowerCase(java.util.Locale.ROOT).contains(emailFragment.toLowerCase(java.util.Locale.ROOT)))
                    .sorted(Comparator.comparing(User::createdAt)).toList();
            List<User> slice = matches.stream().skip((long) page * size).limit(size).toList();
            return new UserPage(slice, matches.size(), page, size);
        });
    }

    private Mono<Boolean> change(UserId id, Predicate<User> applies, UnaryOperator<User> update) {
        return Mono.fromCallable(() -> {
            boolean[] changed = {false};
            byId.computeIfPresent(id, (key, u) -> {
                if (!applies.test(u)) {
                    return u;
                }
                changed[0] = true;
                return update.apply(u);
            });
            return changed[0];
        });
    }

    public void replace(User user) {
        byId.put(user.id(), user);
    }

    public int count() {
        return byId.size();
    }
}
