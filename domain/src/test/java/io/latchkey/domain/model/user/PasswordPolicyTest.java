package io.latchkey.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.InvalidInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard(Set.of("password123", "qwertyuiop"));

    @Test
    void givenSevenCharacters_check_fails() {
        assertThatThrownBy(() -> policy.check(new RawPassword("abcdefg"), "password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("password");
    }

    @Test
    void givenEightCharactersWithoutCompositionRules_check_passes() {
        assertThatCode(() -> policy.check(new RawPassword("abcdefgh"), "password")).doesNotThrowAnyException();
    }

    @Test
    void givenLengthCountedInCodePoints_eightEmoji_pass() {
        assertThatCode(() -> policy.check(new RawPassword("😀😀😀😀😀😀😀😀"), "password")).doesNotThrowAnyException();
    }

    @Test
    void givenMoreThanMaxBytes_check_failsButAtTheLimitPasses() {
        assertThatThrownBy(() -> policy.check(new RawPassword("x".repeat(RawPassword.MAX_BYTES + 1)), "password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bytes");
        assertThatCode(() -> policy.check(new RawPassword("x".repeat(RawPassword.MAX_BYTES)), "password"))
                .doesNotThrowAnyException();
    }

    /** The old 128-code-point cap refused passphrases of multi-byte characters; the byte bound takes 128 of any. */
    @Test
    void givenA150CharacterCyrillicPassphrase_check_passes_and128EmojiPassButNot129() {
        assertThatCode(() -> policy.check(new RawPassword("пароль ".repeat(21) + "abc"), "password"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check(new RawPassword("😀".repeat(128)), "password")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(new RawPassword("😀".repeat(129)), "password"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void givenComposedAndDecomposedSpellings_rawPassword_isTheSamePassword() {
        RawPassword composed = new RawPassword("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e");
        RawPassword decomposed = new RawPassword("cafe\u0301 cre\u0300me bru\u0302le\u0301e");
        assertThat(decomposed.value()).isEqualTo(composed.value());
        assertThat(decomposed.asTypedIfDifferent()).hasValueSatisfying(typed -> assertThat(typed.value())
                .isEqualTo("cafe\u0301 cre\u0300me bru\u0302le\u0301e"));
        assertThat(composed.asTypedIfDifferent()).isEmpty();
        assertThat(new RawPassword("correct horse battery staple").value()).isEqualTo("correct horse battery staple");
    }

    @Test
    void givenPasswordLength_fitsHashInput_countsUtf8Bytes() {
        assertThat(new RawPassword("€".repeat(170)).fitsHashInput()).isTrue(); // 510 bytes
        assertThat(new RawPassword("€".repeat(171)).fitsHashInput()).isFalse(); // 513 bytes
        assertThat(new RawPassword("x".repeat(200_000)).fitsHashInput()).isFalse();
    }

    @Test
    void givenCommonPasswordInAnyCase_check_fails() {
        assertThatThrownBy(() -> policy.check(new RawPassword("PassWord123"), "password"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("too common");
    }

    @Test
    void givenAnAcceptablePassword_accept_returnsIt_andOtherwiseNamesTheField() {
        assertThat(policy.accept("long enough secret", "new_password").value()).isEqualTo("long enough secret");
        assertThatThrownBy(() -> policy.accept("short", "new_password"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("new_password")));
    }
}
