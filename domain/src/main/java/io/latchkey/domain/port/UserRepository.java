package io.latchkey.domain.port;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserPage;
import io.latchkey.domain.model.user.UserStatus;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The durable record of accounts. */
public interface UserRepository {

    /** Fails with {@code EmailAlreadyRegisteredException} when the canonical email is taken. */
    Mono<User> insert(User user);

    Mono<User> findByEmail(Email email);

    Mono<User> findById(UserId id);

    /**
     * Reads the account inside the caller's transaction with a share lock: a concurrent change of its password,
     * status or epoch waits for that transaction, or has committed and is seen.
     */
    Mono<User> findByIdForShare(UserId id);

    /** Sets the name; the updated account, or empty when there is none. */
    Mono<User> updateName(UserId id, PersonName name, Instant now);

    /** Replaces the password hash; false when there is no such account. */
    Mono<Boolean> updatePassword(UserId id, PasswordHash hash, Instant now);

    /**
     * Replaces the password hash only while it is still {@code current}: false when it changed meanwhile (a reset
     * won) or there is no such account. For upgrading how an unchanged password is stored.
     */
    Mono<Boolean> rehashPassword(UserId id, PasswordHash current, PasswordHash replacement, Instant now);

    /** Marks the email verified; false when there is no such account or it was already verified. */
    Mono<Boolean> markEmailVerified(UserId id, Instant now);

    /** Sets the status; false when there is no such account or it already had that status. */
    Mono<Boolean> updateStatus(UserId id, UserStatus status, Instant now);

    /** Adds a role; false when there is no such account or it already had the role. */
    Mono<Boolean> addRole(UserId id, String role, Instant now);

    /** Deletes the account and, with it, its sessions, tokens and personal data; false when there is none. */
    Mono<Boolean> delete(UserId id);

    /** Accounts whose email contains {@code emailFragment} (all when blank), oldest first, one page of them. */
    Mono<UserPage> search(String emailFragment, int page, int size);

    /** Raises the account's not-before epoch, invalidating every access token issued before; the new value. */
    Mono<Long> raiseAuthEpoch(UserId id);
}
