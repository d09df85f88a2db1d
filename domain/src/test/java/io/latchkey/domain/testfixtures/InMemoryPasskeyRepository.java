package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.PasskeyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Passkeys in memory, by credential id, with the repository's conditional counter update. */
public final class InMemoryPasskeyRepository implements PasskeyRepository {

    private final Map<String, Passkey> byCredential = new LinkedHashMap<>();

    @Override
    public synchronized Mono<Boolean> insert(Passkey passkey) {
        return Mono.just(byCredential.putIfAbsent(passkey.credentialId(), passkey) == null);
    }

    @Override
    public synchronized Mono<Passkey> findByCredentialId(String credentialId) {
        return Mono.justOrEmpty(byCredential.get(credentialId));
    }

    @Override
    public synchronized Flux<Passkey> findByUser(UserId userId) {
        List<Passkey> found = new ArrayList<>(byCredential.values().stream()
                .filter(p -> p.userId().equals(userId)).toList());
        found.sort(Comparator.comparing(Passkey::createdAt));
        return Flux.fromIterable(found);
    }

    @Override
    public synchronized Mono<Passkey> rename(UserId userId, UUID id, String name) {
        return Mono.justOrEmpty(byCredential.values().stream()
                .filter(p -> p.userId().equals(userId) && p.id().equals(id)).findFirst()
                .map(p -> {
                    Passkey renamed = new Passkey(p.id(), p.credentialId(), p.userId(), name, p.credentialData(),
                            p.signCount(), p.backupEligible(), p.createdAt(), p.lastUsedAt());
                    byCredential.put(p.credentialId(), renamed);
                    return renamed;
                }));
    }

    @Override
    public synchronized Mono<Boolean> delete(UserId userId, UUID id) {
        return Mono.just(byCredential.values().removeIf(p -> p.userId().equals(userId) && p.id().equals(id)));
    }

    @Override
    public synchronized Mono<Boolean> recordUse(String credentialId, long signCount, Instant now) {
        Passkey p = byCredential.get(credentialId);
        if (p == null || !(signCount > p.signCount() || (signCount == 0 && p.signCount() == 0))) {
            return Mono.just(false);
        }
        byCredential.put(credentialId, new Passkey(p.id(), p.credentialId(), p.userId(), p.name(), p.credentialData(),
                signCount, p.backupEligible(), p.createdAt(), now));
        return Mono.just(true);
    }

    @Override
    public synchronized Mono<Boolean> deleteAll(UserId userId) {
        return Mono.just(byCredential.values().removeIf(p -> p.userId().equals(userId)));
    }
}
