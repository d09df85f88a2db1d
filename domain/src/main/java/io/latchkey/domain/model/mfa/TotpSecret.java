package io.latchkey.domain.model.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The shared secret of a TOTP authenticator: 20 random bytes (RFC 4226's recommended 160 bits). Never printed. */
public record TotpSecret(byte[] value) {

    public static final int LENGTH = 20;

    public TotpSecret {
        Objects.requireNonNull(value, "value");
        if (value.length < 16) {
            throw new IllegalArgumentException("a TOTP secret has at least 128 bits");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String base32() {
        return Base32.encode(value);
    }

    /** The key URI authenticator apps scan: {@code otpauth://totp/<issuer>:<account>?secret=…&issuer=…}. */
    public String keyUri(String issuer, String account) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && java.security.MessageDigest.isEqual(value, that.value);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "TotpSecret[***]";
    }
}
