package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.port.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A reversible stand-in for Argon2 that counts verifications, decoys included. */
public final class FakePasswordHasher implements PasswordHasher {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicInteger longestChecked = new AtomicInteger();

    @Override
    public Mono<PasswordHash> hash(RawPassword password) {
        return Mono.just(new PasswordHash("fake:" + password.value()));
    }

    @Override
    public Mono<Boolean> matches(RawPassword password, PasswordHash hash) {
        return Mono.fromCallable(() -> {
            verifications.incrementAndGet();
            longestChecked.accumulateAndGet(password.utf8Length(), Math::max);
            return hash.encoded().equals("fake:" + password.value());
        });
    }

    @Override
    public Mono<Boolean> matchesNothing(RawPassword password) {
        return Mono.fromCallable(() -> {
            verifications.incrementAndGet();
            return false;
        });
    }

    /** The most UTF-8 bytes of any password checked against a real hash (decoy checks never hash the input here). */
    public int longestChecked() {
        return longestChecked.get();
    }

    public int verifications() {
        return verifications.get();
    }
}
