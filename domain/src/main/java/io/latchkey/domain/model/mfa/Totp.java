package io.latchkey.domain.model.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 30-second steps from the
 * Unix epoch, 6 digits (RFC 4226 dynamic truncation).
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    private static final int MODULUS = 1_000_000;

    private Totp() {
    }

    /** The time step {@code at} falls in. */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step}, zero-padded to six digits. */
    public static String codeAt(byte[] secret, long step) {
        byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % MODULUS);
    }

    /** RFC 2104 HMAC over SHA-1 with {@link MessageDigest} (the domain stays on java.* alone, no javax.crypto). */
    static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            int block = 64;
            byte[] k = key.length > block ? MessageDigest.getInstance("SHA-1").digest(key) : key;
            byte[] inner = new byte[block];
            byte[] outer = new byte[block];
            for (int i = 0; i < block; i++) {
                byte b = i < k.length ? k[i] : 0;
                inner[i] = (byte) (b ^ 0x36);
                outer[i] = (byte) (b ^ 0x5c);
            }
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(inner);
            byte[] innerHash = sha1.digest(message);
            sha1.update(outer);
            return sha1.digest(innerHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    /**
     * The step whose code {@code code} is, looking at the step of {@code now} and {@code drift} steps either side
     * (clocks of phones drift); empty when none matches. Every candidate is compared, in constant time.
     */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now, int drift) {
        long current = stepAt(now);
        long found = Long.MIN_VALUE;
        byte[] presented = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long step = current - drift; step <= current + drift; step++) {
            byte[] expected = codeAt(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented) && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Whether {@code code} has the shape of a TOTP code at all (six ASCII digits). */
    public static boolean isWellFormed(String code) {
        return code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
