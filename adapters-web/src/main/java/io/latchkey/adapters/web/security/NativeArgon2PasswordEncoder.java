package io.latchkey.adapters.web.security;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id through the reference C library (argon2-jvm over JNA): faster than the Java implementation and its
 * 19 MiB per hash are native memory, not heap. Writes and reads the same PHC strings as Spring's
 * {@code Argon2PasswordEncoder}, so stored hashes stay valid whichever of the two runs.
 */
final class NativeArgon2PasswordEncoder implements PasswordEncoder {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2 argon2;
    private final PasswordEncoder otherVariants;
    private final int memoryKib;
    private final int iterations;

    /** @throws LinkageError when the native library cannot be loaded on this platform */
    NativeArgon2PasswordEncoder(int memoryKib, int iterations) {
        this.argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
        this.otherVariants = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, 1, memoryKib, iterations);
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return argon2.hash(iterations, memoryKib, 1, rawPassword.toString().toCharArray(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
            // argon2i/argon2d strings (and anything else) get exactly what the Java encoder gives them.
            return otherVariants.matches(rawPassword, encodedPassword);
        }
        try {
            return argon2.verify(encodedPassword, rawPassword.toString().toCharArray(), StandardCharsets.UTF_8);
        } catch (IllegalStateException malformed) {
            return false;
        }
    }
}
