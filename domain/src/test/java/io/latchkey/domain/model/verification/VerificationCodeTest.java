package io.latchkey.domain.model.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {

    @Test
    void givenSixDigitsWithSpaces_parse_stripsThem() {
        assertThat(VerificationCode.parse(" 012345 ", "code").digits()).isEqualTo("012345");
    }

    @Test
    void givenAnythingElse_parse_isAFieldError() {
        for (String bad : new String[] {"12345", "1234567", "12a456", "١٢٣٤٥٦"}) {
            assertThatThrownBy(() -> VerificationCode.parse(bad, "code")).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void toString_neverShowsTheDigits() {
        assertThat(new VerificationCode("123456").toString()).doesNotContain("123456");
    }
}
