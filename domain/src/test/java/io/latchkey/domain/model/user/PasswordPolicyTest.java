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
    void givenMoreThan128Characters_check_fails() {
        assertThatThrownBy(() -> policy.check(new RawPassword("x".repeat(129)), "password"))
                .isInstanceOf(InvalidInputException.class);
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
