package io.latchkey.application.service;

import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.event.IdentityLinked;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.model.federation.ExternalIdentity;
import io.latchkey.domain.model.federation.LinkedIdentity;
import io.latchkey.domain.model.federation.ProviderPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.IdentityLinkRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Finds the account an external identity signs in as, in one transaction: a linked identity is its account; a new
 * identity whose address no account holds makes a new account (verified only when the provider vouches for the
 * address, otherwise a verification code goes out as for registration) with the link; a new identity whose
 * address an account already holds is refused ({@code account-exists}) unless the provider is set to auto-link and
 * both the provider and the account have the address verified, so an unverified claim never takes an account over.
 */
public final class IdentityResolver {

    private final UserRepository users;
    private final IdentityLinkRepository links;
    private final IdGenerator ids;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final AccountMail mail;
    private final InstantSource clock;

    public IdentityResolver(UserRepository users, IdentityLinkRepository links, IdGenerator ids,
            OutboxWriter events, TransactionRunner transactions, AccountMail mail, InstantSource clock) {
        this.users = users;
        this.links = links;
        this.ids = ids;
        this.events = events;
        this.transactions = transactions;
        this.mail = mail;
        this.clock = clock;
    }

    public Mono<User> resolve(ExternalIdentity identity, ProviderPolicy provider) {
        return transactions.inTransaction(links.find(identity.provider(), identity.subject())
                .flatMap(link -> users.findById(link.userId()))
                .switchIfEmpty(Mono.defer(() -> byAddress(identity, provider))));
    }

    /** Links {@code identity} to the logged-in account {@code userId}. */
    public Mono<LinkedIdentity> link(UserId userId, ExternalIdentity identity) {
        return transactions.inTransaction(users.findById(userId)
                .switchIfEmpty(Mono.error(() -> new FederationException(AuthErrorCode.FEDERATION_REJECTED)))
                .flatMap(user -> insertLink(user.id(), identity)));
    }

    private Mono<LinkedIdentity> insertLink(UserId userId, ExternalIdentity identity) {
        var now = clock.instant();
        return links.insert(LinkedIdentity.of(userId, identity, now))
                .flatMap(link -> events.write(new IdentityLinked(ids.newId(), userId, now, identity.provider()))
                        .thenReturn(link));
    }

    private Mono<User> byAddress(ExternalIdentity identity, ProviderPolicy provider) {
        Email email = identity.email();
        if (email == null) {
            return Mono.error(new FederationException(AuthErrorCode.EMAIL_REQUIRED));
        }
        return users.findByEmail(email)
                .flatMap(existing -> provider.autoLinkVerifiedEmail() && identity.emailVerified() && existing.emailVerified()
                        ? insertLink(existing.id(), identity).thenReturn(existing)
                        : Mono.error(new FederationException(AuthErrorCode.ACCOUNT_EXISTS)))
                .switchIfEmpty(Mono.defer(() -> signUp(identity, email)));
    }

    private Mono<User> signUp(ExternalIdentity identity, Email email) {
        var now = clock.instant();
        User user = new User(new UserId(ids.newId()), email, PasswordHash.NONE, new PersonName(null, null),
                UserStatus.ACTIVE, Set.of(User.ROLE_USER), identity.emailVerified(), 0, now, now);
        Mono<Void> verification = identity.emailVerified() ? Mono.empty() : mail.queueVerificationCode(email);
        return users.insert(user)
                .onErrorMap(EmailAlreadyRegisteredException.class,
                        taken -> new FederationException(AuthErrorCode.ACCOUNT_EXISTS))
                .flatMap(saved -> events.write(new UserRegistered(ids.newId(), saved.id(), now))
                        .then(insertLink(saved.id(), identity))
                        .then(verification)
                        .thenReturn(saved));
    }
}
