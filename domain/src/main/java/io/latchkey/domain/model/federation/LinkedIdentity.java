package io.latchkey.domain.model.federation;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An external identity (provider, subject) that signs in as one account; one per provider and account. */
public record LinkedIdentity(UserId userId, String provider, String subject, @Nullable String email, Instant linkedAt) {

    public LinkedIdentity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    public static LinkedIdentity of(UserId userId, ExternalIdentity identity, Instant now) {
        return new LinkedIdentity(userId, identity.provider(), identity.subject(),
                identity.address().map(Email::value).orElse(null), now);
    }
}
