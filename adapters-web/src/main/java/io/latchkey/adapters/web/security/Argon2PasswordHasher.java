package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.port.PasswordHasher;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id at the OWASP parameters (m=19 MiB, t=2, p=1). Each hash holds 19 MiB and ~50 ms of a core, so
 * hashing runs on its own scheduler with one thread per core: the event loop never blocks and memory is bounded.
 * A password over {@link RawPassword#MAX_BYTES} never reaches Argon2: the services refuse it first, and here it is
 * refused again (hash) or answered false after the work of a decoy check (matches).
 */
@Component
class Argon2PasswordHasher implements PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Scheduler scheduler;
    private final String decoy;

    Argon2PasswordHasher(PasswordHashingSettings settings) {
        this.encoder = new Argon2PasswordEncoder(16, 32, 1, settings.memoryKib(), settings.iterations());
        this.scheduler = Schedulers.newBoundedElastic(Runtime.getRuntime().availableProcessors(),
                settings.maxQueued(), "argon2");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = encoder.encode(HexFormat.of().formatHex(random));
    }

    @Override
    public Mono<PasswordHash> hash(RawPassword password) {
        if (!password.fitsHashInput()) {
            return Mono.error(new IllegalArgumentException("a password over " + RawPassword.MAX_BYTES + " bytes reached hashing"));
        }
        return Mono.fromCallable(() -> new PasswordHash(encoder.encode(password.value()))).subscribeOn(scheduler);
    }

    @Override
    public Mono<Boolean> matches(RawPassword password, PasswordHash hash) {
        if (!password.fitsHashInput() || !hash.isSet()) {
            return matchesNothing(password);
        }
        return Mono.fromCallable(() -> encoder.matches(password.value(), hash.encoded())).subscribeOn(scheduler);
    }

    @Override
    public Mono<Boolean> matchesNothing(RawPassword password) {
        String checked = password.fitsHashInput() ? password.value() : decoy;
        return Mono.fromCallable(() -> encoder.matches(checked, decoy))
                .map(ignored -> Boolean.FALSE)
                .subscribeOn(scheduler);
    }
}
