package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.mfa.TotpFactor;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.SecondFactorRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/** Second factors in memory, with the same conditional updates as the SQL. */
public final class InMemorySecondFactorRepository implements SecondFactorRepository {

    private final Map<UserId, TotpFactor> totp = new HashMap<>();
    private final Map<UserId, Set<String>> unused = new HashMap<>();

    @Override
    public synchronized Mono<TotpFactor> findTotp(UserId userId) {
        return Mono.justOrEmpty(totp.get(userId));
    }

    @Override
    public Mono<Boolean> savePendingTotp(TotpFactor pending) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                TotpFactor current = totp.get(pending.userId());
                if (current != null && current.isConfirmed()) {
                    return false;
                }
                totp.put(pending.userId(), pending);
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> confirmTotp(UserId userId, long step, Instant now) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                TotpFactor current = totp.get(userId);
                if (current == null || current.isConfirmed()) {
                    return false;
                }
                totp.put(userId, new TotpFactor(userId, current.secret(), current.createdAt(), now, step));
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> useTotpStep(UserId userId, long step) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                TotpFactor current = totp.get(userId);
                if (current == null || !current.isConfirmed() || current.lastUsedStep() >= step) {
                    return false;
                }
                totp.put(userId, new TotpFactor(userId, current.secret(), current.createdAt(), current.confirmedAt(), step));
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> deleteTotp(UserId userId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return totp.remove(userId) != null;
            }
        });
    }

    @Override
    public Mono<Void> replaceRecoveryCodes(UserId userId, List<String> codeHashes, Instant now) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                unused.put(userId, new HashSet<>(codeHashes));
            }
        });
    }

    @Override
    public Mono<Boolean> useRecoveryCode(UserId userId, String codeHash, Instant now) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                Set<String> codes = unused.get(userId);
                return codes != null && codes.remove(codeHash);
            }
        });
    }

    @Override
    public Mono<Integer> remainingRecoveryCodes(UserId userId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                return unused.getOrDefault(userId, Set.of()).size();
            }
        });
    }

    @Override
    public Mono<Boolean> deleteAll(UserId userId) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                boolean hadTotp = totp.remove(userId) != null;
                Set<String> codes = unused.remove(userId);
                return hadTotp || (codes != null && !codes.isEmpty());
            }
        });
    }
}
