package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.reset.PasswordResetTokenHash;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.PasswordResetTokens;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Reset-token hashes in a map; consuming removes, so a token works once. */
public final class InMemoryPasswordResetTokens implements PasswordResetTokens {

    private record Stored(UserId userId, Instant expiresAt) {
    }

    private final Map<PasswordResetTokenHash, Stored> tokens = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> save(PasswordResetTokenHash hash, UserId userId, Instant expiresAt, Instant now) {
        return Mono.fromRunnable(() -> tokens.put(hash, new Stored(userId, expiresAt)));
    }

    @Override
    public Mono<Boolean> replaceFor(UserId userId, PasswordResetTokenHash hash, Instant expiresAt, Instant now) {
        return Mono.fromCallable(() -> {
            synchronized (tokens) {
                tokens.values().removeIf(stored -> stored.userId().equals(userId));
                tokens.put(hash, new Stored(userId, expiresAt));
                return true;
            }
        });
    }

    @Override
    public Mono<UserId> consume(PasswordResetTokenHash hash, Instant now) {
        return Mono.fromCallable(() -> tokens.remove(hash))
                .filter(stored -> now.isBefore(stored.expiresAt()))
                .map(Stored::userId);
    }

    @Override
    public Mono<Long> deleteExpired(Instant now, int limit) {
        return Mono.fromCallable(() -> {
            long before = tokens.size();
            tokens.values().removeIf(stored -> !now.isBefore(stored.expiresAt()));
            return before - tokens.size();
        });
    }

    @Override
    public Mono<Void> deleteFor(UserId userId) {
        return Mono.fromRunnable(() -> tokens.values().removeIf(stored -> stored.userId().equals(userId)));
    }

    public int count() {
        return tokens.size();
    }
}
