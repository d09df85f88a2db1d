package io.latchkey.application.service;

import io.latchkey.domain.model.federation.LinkedIdentity;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.IdentityLinkRepository;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Linked identities in a list, for service tests. */
final class InMemoryIdentityLinkRepository implements IdentityLinkRepository {

    private final List<LinkedIdentity> links = new CopyOnWriteArrayList<>();

    @Override
    public Mono<LinkedIdentity> find(String provider, String subject) {
        return Flux.fromIterable(links).filter(l -> l.provider().equals(provider) && l.subject().equals(subject)).next();
    }

    @Override
    public Flux<LinkedIdentity> findByUser(UserId userId) {
        return Flux.fromIterable(links).filter(l -> l.userId().equals(userId));
    }

    @Override
    public Flux<LinkedIdentity> findByUserForUpdate(UserId userId) {
        return findByUser(userId);
    }

    @Override
    public Mono<LinkedIdentity> insert(LinkedIdentity identity) {
        links.add(identity);
        return Mono.just(identity);
    }

    @Override
    public Mono<Boolean> delete(UserId userId, String provider) {
        return Mono.fromCallable(() -> links.removeIf(l -> l.userId().equals(userId) && l.provider().equals(provider)));
    }
}
