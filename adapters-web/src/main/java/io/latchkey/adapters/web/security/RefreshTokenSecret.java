package io.latchkey.adapters.web.security;

import java.security.SecureRandom;
import java.util.Base64;

/** The server secret refresh-token successors are derived with; at least 256 bits, shared by all replicas. */
public record RefreshTokenSecret(byte[] bytes) {

    public RefreshTokenSecret {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the refresh-token secret must be at least 32 bytes");
        }
        bytes = bytes.clone();
    }

    public static RefreshTokenSecret fromBase64(String encoded) {
        return new RefreshTokenSecret(Base64.getDecoder().decode(encoded.strip()));
    }

    public static RefreshTokenSecret ephemeral() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new RefreshTokenSecret(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "RefreshTokenSecret[***]";
    }
}
