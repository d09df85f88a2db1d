package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.verification.CodeCheck;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Codes in a map with expiry on an injected clock; same attempt rule as the Redis store. */
public final class InMemoryVerificationCodeStore implements VerificationCodeStore {

    private record Stored(VerificationCode code, int attempts, Instant expiresAt) {
    }

    private final Map<String, Stored> codes = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public InMemoryVerificationCodeStore(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(Email email, VerificationCode code, Duration ttl) {
        return Mono.fromRunnable(() -> codes.put(email.key(), new Stored(code, 0, clock.instant().plus(ttl))));
    }

    @Override
    public Mono<CodeCheck> check(Email email, VerificationCode presented, int maxAttempts) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                Stored stored = codes.get(email.key());
                if (stored == null || !clock.instant().isBefore(stored.expiresAt())) {
                    codes.remove(email.key());
                    return CodeCheck.ABSENT;
                }
                if (stored.code().equals(presented)) {
                    codes.remove(email.key());
                    return CodeCheck.ACCEPTED;
                }
                if (stored.attempts() + 1 >= maxAttempts) {
                    codes.remove(email.key());
                } else {
                    codes.put(email.key(), new Stored(stored.code(), stored.attempts() + 1, stored.expiresAt()));
                }
                return CodeCheck.REJECTED;
            }
        });
    }

    @Override
    public Mono<Void> discard(Email email) {
        return Mono.fromRunnable(() -> codes.remove(email.key()));
    }

    public Optional<VerificationCode> current(Email email) {
        return Optional.ofNullable(codes.get(email.key())).map(Stored::code);
    }
}
