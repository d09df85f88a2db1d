package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.port.PasswordHasher;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id at the OWASP parameters (m=19 MiB, t=2, p=1), through the native reference library where it loads
 * ({@link #preferredEncoder}). Each hash holds 19 MiB and ~50 ms of a core, so
 * hashing runs on its own scheduler with one thread per core: the event loop never blocks and memory is bounded.
 * Those threads run at a lower priority ({@link LowPriorityThreads}), so a login flood cannot take the cores from
 * the request path.
 * A password over {@link RawPassword#MAX_BYTES} never reaches Argon2: the services refuse it first, and here it is
 * refused again (hash) or answered false after the work of a decoy check (matches).
 */
@Component
class Argon2PasswordHasher implements PasswordHasher {

    private static final int MIN_QUEUE = 1_000;
    private static final int IDLE_THREAD_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(Argon2PasswordHasher.class);

    private final PasswordEncoder encoder;
    private final Scheduler scheduler;
    private final String decoy;

    Argon2PasswordHasher(PasswordHashingSettings settings) {
        this.encoder = preferredEncoder(settings);
        // PasswordCheckAdmission bounds the requests in flight; the queue only has to hold what it admitted.
        this.scheduler = Schedulers.newBoundedElastic(Runtime.getRuntime().availableProcessors(),
                Math.max(MIN_QUEUE, settings.maxConcurrentChecks()), new LowPriorityThreads("argon2", settings.hashingNice()),
                IDLE_THREAD_SECONDS);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = encoder.encode(HexFormat.of().formatHex(random));
    }

    /**
     * The reference C implementation when it loads here and agrees with the Java one on PHC strings in both
     * directions (checked once at start-up), else the Java implementation. Both read every stored hash.
     */
    static PasswordEncoder preferredEncoder(PasswordHashingSettings settings) {
        Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, 1, settings.memoryKib(), settings.iterations());
        try {
            NativeArgon2PasswordEncoder reference = new NativeArgon2PasswordEncoder(settings.memoryKib(), settings.iterations());
            String probe = "start-up check " + System.nanoTime();
            if (java.matches(probe, reference.encode(probe)) && reference.matches(probe, java.encode(probe))) {
                log.info("Argon2id through the native reference library");
                return reference;
            }
            log.warn("The native Argon2 library disagrees with the Java implementation; hashing in Java");
        } catch (LinkageError | RuntimeException unavailable) {
            log.warn("The native Argon2 library is not available on this platform ({}); hashing in Java", unavailable.toString());
        }
        return java;
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
