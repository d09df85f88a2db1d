package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Accounts for tests. */
public final class UserFixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private UserFixtures() {
    }

    /** An active account whose password is {@link #PASSWORD} under {@link FakePasswordHasher}. */
    public static User anActiveUser(Instant now) {
        UserId id = new UserId(UUID.randomUUID());
        return anActiveUser(id, "user-" + id + "@example.com", now);
    }

    public static User anActiveUser(Instant now, String email) {
        return anActiveUser(new UserId(UUID.randomUUID()), email, now);
    }

    private static User anActiveUser(UserId id, String email, Instant now) {
        return User.register(id, Email.parse(email, "email"), new PasswordHash("fake:" + PASSWORD),
                new PersonName("Ada", "Lovelace"), now);
    }
}
