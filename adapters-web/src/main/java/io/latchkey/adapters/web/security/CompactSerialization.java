package io.latchkey.adapters.web.security;

import java.util.Base64;

/**
 * The one spelling of a JWS compact serialization that is accepted (RFC 7515 §7.1, §2 "Base64url Encoding"):
 * exactly three parts, each unpadded base64url whose re-encoding gives back the same characters. That refuses
 * padding, {@code +} and {@code /}, whitespace, and altered unused bits in a part's last character, all of
 * which a lenient decoder would map to the same bytes as the issued token.
 */
final class CompactSerialization {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CompactSerialization() {
    }

    static boolean isCanonical(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return false;
        }
        return isCanonicalPart(token.substring(0, first)) && isCanonicalPart(token.substring(first + 1, second))
                && isCanonicalPart(token.substring(second + 1));
    }

    private static boolean isCanonicalPart(String part) {
        if (part.isEmpty()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                return false;
            }
        }
        try {
            return ENCODER.encodeToString(DECODER.decode(part)).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
