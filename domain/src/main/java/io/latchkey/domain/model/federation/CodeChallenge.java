package io.latchkey.domain.model.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** An RFC 7636 {@code S256} code challenge: BASE64URL(SHA-256(verifier)), 43 characters. */
public record CodeChallenge(String value) {

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    public CodeChallenge {
        Objects.requireNonNull(value, "value");
        if (!CHALLENGE.matcher(value).matches()) {
            throw new IllegalArgumentException("an S256 code challenge is 43 base64url characters");
        }
    }

    public static CodeChallenge of(String verifier) {
        return new CodeChallenge(s256(verifier));
    }

    /** Whether {@code verifier} is a well-formed RFC 7636 verifier whose S256 digest is this challenge. */
    public boolean matches(String verifier) {
        return VERIFIER.matcher(verifier).matches()
                && MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                        value.getBytes(StandardCharsets.US_ASCII));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
