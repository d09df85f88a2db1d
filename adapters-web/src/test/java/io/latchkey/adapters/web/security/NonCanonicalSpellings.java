package io.latchkey.adapters.web.security;

import java.util.ArrayList;
import java.util.List;

/** Spellings of a compact JWS that a lenient base64url decoder maps to the same bytes. */
final class NonCanonicalSpellings {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private NonCanonicalSpellings() {
    }

    static List<String> of(String token) {
        String[] parts = token.split("\\.");
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            variants.add(with(parts, i, parts[i] + "="));
            variants.add(with(parts, i, parts[i] + "=="));
            variants.add(with(parts, i, parts[i].substring(0, 4) + " " + parts[i].substring(4)));
            variants.add(with(parts, i, parts[i].substring(0, 4) + "\n" + parts[i].substring(4)));
            String bits = alteredUnusedBits(parts[i]);
            if (bits != null) {
                variants.add(with(parts, i, bits));
            }
        }
        variants.add(token.replaceFirst("-", "+"));
        variants.add(token.replaceFirst("_", "/"));
        variants.add(token.replace('-', '+').replace('_', '/'));
        variants.add(" " + token);
        variants.add(token + " ");
        variants.add(token + "\t");
        variants.removeIf(token::equals);
        return variants;
    }

    /** The same bytes with a non-zero unused low bit in the last character, where the part has unused bits. */
    private static String alteredUnusedBits(String part) {
        if (part.length() % 4 == 0) {
            return null;
        }
        char last = part.charAt(part.length() - 1);
        char altered = ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
        return part.substring(0, part.length() - 1) + altered;
    }

    private static String with(String[] parts, int index, String replacement) {
        String[] copy = parts.clone();
        copy[index] = replacement;
        return String.join(".", copy);
    }
}
