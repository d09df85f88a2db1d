package io.latchkey.application.service;

import io.latchkey.application.usecase.UpdateProfileCommand;
import io.latchkey.application.usecase.UpdateProfileUseCase;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.event.UserUpdated;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import reactor.core.publisher.Mono;

/** Applies a partial name change with its {@code user.updated} event, then purges the cached profile. */
public final class UpdateProfileService implements UpdateProfileUseCase {

    private final UserRepository users;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final SessionRevoker revoker;
    private final IdGenerator ids;
    private final InstantSource clock;

    public UpdateProfileService(UserRepository users, OutboxWriter events, TransactionRunner transactions,
            SessionRevoker revoker, IdGenerator ids, InstantSource clock) {
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.revoker = revoker;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<UserProfile> update(UpdateProfileCommand command) {
        return Mono.defer(() -> {
            // Validate the given fields before touching anything, so a bad one changes nothing.
            InputViolations input = new InputViolations();
            command.firstName().ifPresent(first -> input.optional(first, raw -> new PersonName(raw, null)));
            command.lastName().ifPresent(last -> input.optional(last, raw -> new PersonName(null, raw)));
            input.throwIfAny();
            return transactions.inTransaction(users.findById(command.userId())
                            .switchIfEmpty(Mono.error(SessionRevokedException::new))
                            .flatMap(user -> {
                                PersonName name = new PersonName(command.firstName().orElse(user.name().first()),
                                        command.lastName().orElse(user.name().last()));
                                if (name.equals(user.name())) {
                                    return Mono.just(user);
                                }
                                Instant now = clock.instant();
                                return users.updateName(user.id(), name, now)
                                        .flatMap(updated -> events.write(new UserUpdated(ids.newId(), user.id(), now,
                                                List.of("name"))).thenReturn(updated));
                            }))
                    .flatMap(user -> revoker.purgeUser(user.id()).thenReturn(user.profile()));
        });
    }
}
