package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** The native encoder and Spring's Java one read each other's PHC strings, so stored hashes survive a switch. */
class NativeArgon2PasswordEncoderTest {

    private static final String PASSWORD = "correct horse battery staple ünïcödé";

    private final NativeArgon2PasswordEncoder reference = new NativeArgon2PasswordEncoder(19 * 1024, 2);
    private final Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    @Test
    void writesThePhcStringAtTheConfiguredParameters() {
        assertThat(reference.encode(PASSWORD)).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void eachReadsTheOthersHashes_andRefusesAWrongPassword() {
        String fromNative = reference.encode(PASSWORD);
        String fromJava = java.encode(PASSWORD);

        assertThat(java.matches(PASSWORD, fromNative)).isTrue();
        assertThat(reference.matches(PASSWORD, fromJava)).isTrue();
        assertThat(reference.matches(PASSWORD + "x", fromJava)).isFalse();
        assertThat(java.matches(PASSWORD + "x", fromNative)).isFalse();
    }

    @Test
    void readsHashesOfOtherParameters_asStoredBeforeAChangeOfSettings() {
        String older = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2).encode(PASSWORD);

        assertThat(reference.matches(PASSWORD, older)).isTrue();
    }

    @Test
    void argon2iAndArgon2dStrings_areVerifiedAsTheJavaEncoderVerifiesThem() {
        String argon2i = "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$" + "A".repeat(43);
        String argon2d = argon2i.replace("$argon2i$", "$argon2d$");

        assertThat(reference.matches(PASSWORD, argon2i)).isEqualTo(java.matches(PASSWORD, argon2i));
        assertThat(reference.matches(PASSWORD, argon2d)).isEqualTo(java.matches(PASSWORD, argon2d));
    }

    @Test
    void malformedOrForeignHashes_areNoMatch_notAnError() {
        assertThat(reference.matches(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$bm90IGJhc2U2NA$garbage")).isFalse();
        assertThat(reference.matches(PASSWORD, "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(reference.matches(PASSWORD, "")).isFalse();
    }

    @Test
    void theHasherPicksTheNativeEncoderWhereItLoads() {
        assertThat(Argon2PasswordHasher.preferredEncoder(PasswordHashingSettings.OWASP))
                .isInstanceOf(NativeArgon2PasswordEncoder.class);
    }
}
