package io.latchkey.application.service;

import io.latchkey.application.usecase.ListIdentitiesCommand;
import io.latchkey.application.usecase.ListIdentitiesUseCase;
import io.latchkey.application.usecase.UnlinkIdentityCommand;
import io.latchkey.application.usecase.UnlinkIdentityUseCase;
import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.event.IdentityUnlinked;
import io.latchkey.domain.model.federation.LinkedIdentity;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.IdentityLinkRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Lists and unlinks an account's external identities. Unlinking is refused when it would leave the account no way
 * to log in (no password and no other identity); the links are locked first, so two concurrent unlinks of an
 * account's last two identities cannot both pass that check.
 */
public final class LinkedIdentitiesService implements ListIdentitiesUseCase, UnlinkIdentityUseCase {

    private final UserRepository users;
    private final IdentityLinkRepository links;
    private final IdGenerator ids;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public LinkedIdentitiesService(UserRepository users, IdentityLinkRepository links, IdGenerator ids,
            OutboxWriter events, TransactionRunner transactions, InstantSource clock) {
        this.users = users;
        this.links = links;
        this.ids = ids;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Mono<List<LinkedIdentity>> listIdentities(ListIdentitiesCommand command) {
        return users.findById(command.userId()).switchIfEmpty(Mono.error(UserNotFoundException::new))
                .then(links.findByUser(command.userId()).collectList());
    }

    @Override
    public Mono<Void> unlink(UnlinkIdentityCommand command) {
        return transactions.inTransaction(links.findByUserForUpdate(command.userId()).collectList()
                .zipWith(users.findById(command.userId()).switchIfEmpty(Mono.error(UserNotFoundException::new)))
                .flatMap(found -> {
                    List<LinkedIdentity> linked = found.getT1();
                    if (linked.stream().noneMatch(link -> link.provider().equals(command.provider()))) {
                        return Mono.error(new FederationException(AuthErrorCode.IDENTITY_NOT_LINKED));
                    }
                    if (!found.getT2().passwordHash().isSet() && linked.size() == 1) {
                        return Mono.error(new FederationException(AuthErrorCode.LAST_SIGN_IN_METHOD));
                    }
                    var now = clock.instant();
                    return links.delete(command.userId(), command.provider())
                            .then(events.write(new IdentityUnlinked(ids.newId(), command.userId(), now,
                                    command.provider())));
                }));
    }
}
