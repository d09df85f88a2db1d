package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The bearer of an MFA challenge: {@code mfa.<user id>.<secret>}. The user id lets the challenge live under the
 * user's key tag; only the secret's SHA-256 is stored. It is not a JWT and no other endpoint accepts it.
 */
public record MfaToken(UserId userId, String secret) {

    private static final String PREFIX = "mfa.";
    private static final int MAX_LENGTH = 200;

    public MfaToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secret, "secret");
    }

    public static Optional<MfaToken> parse(String raw) {
        if (raw.length() > MAX_LENGTH || !raw.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = raw.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0 || dot == rest.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MfaToken(new UserId(UUID.fromString(rest.substring(0, dot))), rest.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String encoded() {
        return PREFIX + userId + "." + secret;
    }

    public String hash() {
        return Sha256.hex(secret);
    }

    @Override
    public String toString() {
        return "MfaToken[***]";
    }
}
