package io.latchkey.adapters.redis;

import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.verification.CodeCheck;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Codes as {@code lk:verify:<hmac(email)>} hashes holding an HMAC of the code (a plain hash of six digits
 * would fall to a million guesses offline) and the attempts used; both written and checked by Lua scripts.
 */
@Component
class RedisVerificationCodeStore implements VerificationCodeStore {

    private static final RedisScript<Long> SAVE =
            RedisScript.of(new ClassPathResource("save-code.lua", RedisVerificationCodeStore.class), Long.class);
    private static final RedisScript<Long> CHECK =
            RedisScript.of(new ClassPathResource("check-code.lua", RedisVerificationCodeStore.class), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final KeyDigests digests;

    RedisVerificationCodeStore(ReactiveStringRedisTemplate redis, RedisSecret secret) {
        this.redis = redis;
        this.digests = new KeyDigests(secret);
    }

    @Override
    public Mono<Void> save(Email email, VerificationCode code, Duration ttl) {
        return redis.execute(SAVE, List.of(RedisKeys.verificationCode(email, digests)),
                        List.of(mac(email, code), Long.toString(ttl.toMillis())))
                .then()
                .onErrorMap(RedisVerificationCodeStore::unavailable);
    }

    @Override
    public Mono<CodeCheck> check(Email email, VerificationCode presented, int maxAttempts) {
        return redis.execute(CHECK, List.of(RedisKeys.verificationCode(email, digests)),
                        List.of(mac(email, presented), Integer.toString(maxAttempts)))
                .next()
                .map(result -> switch (result.intValue()) {
                    case 1 -> CodeCheck.ACCEPTED;
                    case 2 -> CodeCheck.REJECTED;
                    default -> CodeCheck.ABSENT;
                })
                .onErrorMap(RedisVerificationCodeStore::unavailable);
    }

    @Override
    public Mono<Void> discard(Email email) {
        return redis.delete(RedisKeys.verificationCode(email, digests)).then()
                .onErrorMap(RedisVerificationCodeStore::unavailable);
    }

    /** Bound to the address, so one address's stored MAC says nothing about another's code. */
    private String mac(Email email, VerificationCode code) {
        return digests.of(email.key() + '\u0000' + code.digits());
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof AuthException ? error
                : new DependencyUnavailableException(RedisUserAuthCache.DEPENDENCY, error);
    }
}
