package io.latchkey.domain.model.federation;

import io.latchkey.domain.model.user.Email;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who an identity provider says the user is, after its token was validated: the provider's stable subject and,
 * when it told us, an address and whether it vouches for that address.
 */
public record ExternalIdentity(String provider, String subject, @Nullable Email email, boolean emailVerified) {

    public ExternalIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("empty subject");
        }
        emailVerified = emailVerified && email != null;
    }

    public Optional<Email> address() {
        return Optional.ofNullable(email);
    }
}
