package io.latchkey.domain.model.token;

import java.util.Objects;
import java.util.UUID;

/** An access token's {@code jti}. */
public record TokenId(UUID value) {

    public TokenId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
