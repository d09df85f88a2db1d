package io.latchkey.bootstrap.e2e;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An RFC 6238 implementation written apart from the service's, after the RFC's reference code (hex time counter,
 * HMAC, dynamic truncation, DIGITS_POWER), so the end-to-end tests do not check the service's codes with its own
 * arithmetic. {@link Rfc6238Test} holds it to the RFC's Appendix B vectors.
 */
public final class Rfc6238 {

    private static final int[] DIGITS_POWER = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

    private Rfc6238() {
    }

    /** The reference generateTOTP: key and time as hex strings, {@code digits} digits, {@code crypto} the HMAC. */
    static String generate(byte[] key, long timeStep, int digits, String crypto) {
        StringBuilder time = new StringBuilder(Long.toHexString(timeStep).toUpperCase(Locale.ROOT));
        while (time.length() < 16) {
            time.insert(0, "0");
        }
        byte[] msg = hexToBytes(time.toString());
        byte[] hash = hmac(crypto, key, msg);
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        StringBuilder result = new StringBuilder(Integer.toString(binary % DIGITS_POWER[digits]));
        while (result.length() < digits) {
            result.insert(0, "0");
        }
        return result.toString();
    }

    /** The six-digit SHA-1 code authenticator apps show at {@code at}, for a base32 secret. */
    static String code(String base32Secret, Instant at) {
        return generate(base32Decode(base32Secret), at.getEpochSecond() / 30, 6, "HmacSHA1");
    }

    /** The code {@code steps} time steps away from {@code at}. */
    public static String code(String base32Secret, Instant at, int steps) {
        return code(base32Secret, at.plusSeconds(30L * steps));
    }

    static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        BigInteger value = BigInteger.ZERO;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            value = value.shiftLeft(5).or(BigInteger.valueOf(alphabet.indexOf(c)));
            bits += 5;
        }
        int bytes = bits / 8;
        value = value.shiftRight(bits - bytes * 8);
        byte[] raw = value.toByteArray();
        byte[] out = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, out, bytes - copy, copy);
        return out;
    }

    private static byte[] hmac(String crypto, byte[] key, byte[] text) {
        try {
            Mac mac = Mac.getInstance(crypto);
            mac.init(new SecretKeySpec(key, "RAW"));
            return mac.doFinal(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hexToBytes(String hex) {
        byte[] array = new BigInteger("10" + hex, 16).toByteArray();
        byte[] out = new byte[array.length - 1];
        System.arraycopy(array, 1, out, 0, out.length);
        return out;
    }
}
