package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.mfa.MfaChallenge;
import io.latchkey.domain.model.mfa.MfaToken;
import io.latchkey.domain.port.MfaChallengeStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** MFA challenges in memory with expiry on the test clock. */
public final class InMemoryMfaChallengeStore implements MfaChallengeStore {

    private record Entry(MfaChallenge challenge, Instant expiresAt, int attempts) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final InstantSource clock;

    public InMemoryMfaChallengeStore(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(MfaToken token, MfaChallenge challenge, Duration ttl) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                entries.put(token.encoded(), new Entry(challenge, clock.instant().plus(ttl), 0));
            }
        });
    }

    @Override
    public Mono<MfaChallenge> attempt(MfaToken token, int maxAttempts) {
        return Mono.defer(() -> {
            synchronized (this) {
                Entry entry = entries.get(token.encoded());
                if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
                    entries.remove(token.encoded());
                    return Mono.empty();
                }
                if (entry.attempts() + 1 > maxAttempts) {
                    entries.remove(token.encoded());
                    return Mono.empty();
                }
                entries.put(token.encoded(), new Entry(entry.challenge(), entry.expiresAt(), entry.attempts() + 1));
                return Mono.just(entry.challenge());
            }
        });
    }

    @Override
    public Mono<Boolean> consume(MfaToken token) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return entries.remove(token.encoded()) != null;
            }
        });
    }
}
