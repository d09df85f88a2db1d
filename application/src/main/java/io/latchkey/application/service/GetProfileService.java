package io.latchkey.application.service;

import io.latchkey.application.usecase.GetProfileCommand;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.NearAuthCache;
import io.latchkey.domain.port.UserAuthCache;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/** Reads the profile from the near cache, then the per-user Redis cache, filling both from PostgreSQL on a miss. */
public final class GetProfileService implements GetProfileUseCase {

    private final NearAuthCache near;
    private final UserAuthCache cache;
    private final UserRepository users;
    private final FallbackGate fallbackGate;

    public GetProfileService(NearAuthCache near, UserAuthCache cache, UserRepository users, FallbackGate fallbackGate) {
        this.near = near;
        this.cache = cache;
        this.users = users;
        this.fallbackGate = fallbackGate;
    }

    @Override
    public Mono<UserProfile> getProfile(GetProfileCommand command) {
        return near.findProfile(command.userId()).switchIfEmpty(Mono.defer(() -> {
            long generation = near.generation(command.userId());
            return shared(command).flatMap(profile -> near.putProfile(profile, generation).thenReturn(profile));
        }));
    }

    private Mono<UserProfile> shared(GetProfileCommand command) {
        return cache.findProfile(command.userId())
                .switchIfEmpty(Mono.defer(() -> cache.generation(command.userId())
                        .flatMap(generation -> fromRecord(command)
                                .flatMap(profile -> cache.putProfile(profile, generation).thenReturn(profile)))))
                .onErrorResume(CacheFailures::isCacheFailure, e -> fallbackGate.through(() -> fromRecord(command), e));
    }

    private Mono<UserProfile> fromRecord(GetProfileCommand command) {
        return users.findById(command.userId())
                .map(user -> user.profile())
                .switchIfEmpty(Mono.error(SessionRevokedException::new));
    }
}
