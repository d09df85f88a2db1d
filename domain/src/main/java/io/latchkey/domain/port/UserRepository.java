package io.latchkey.domain.port;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** The durable record of accounts. */
public interface UserRepository {

    /** Fails with {@code EmailAlreadyRegisteredException} when the canonical email is taken. */
    Mono<User> insert(User user);

    Mono<User> findByEmail(Email email);

    Mono<User> findById(UserId id);

    /** Raises the account's not-before epoch, invalidating every access token issued before; the new value. */
    Mono<Long> raiseAuthEpoch(UserId id);
}
