package io.latchkey.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Services allowed to introspect: client id → SHA-256 (hex) of its secret. Secrets are long random strings,
 * so a fast hash is enough and keeps introspection cheap; a slow password hash would add ~50 ms per call.
 */
public record IntrospectionClients(Map<String, String> secretHashes) {

    public static final int MIN_SECRET_LENGTH = 32;

    public IntrospectionClients {
        secretHashes = Map.copyOf(secretHashes);
        secretHashes.forEach((id, hash) -> {
            if (!hash.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("introspection client " + id + ": secret must be a SHA-256 hex digest");
            }
        });
    }

    /** Constant-time check of a presented secret. */
    public boolean accepts(String clientId, String secret) {
        String expected = secretHashes.get(clientId);
        byte[] presented = sha256(secret);
        byte[] wanted = expected == null ? new byte[32] : HexFormat.of().parseHex(expected.toLowerCase(java.util.Locale.ROOT));
        return MessageDigest.isEqual(presented, wanted) && expected != null && secret.length() >= MIN_SECRET_LENGTH;
    }

    public static String hashOf(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
