package io.latchkey.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @CsvSource({
        "A@x.io, a@x.io",
        "a@X.IO, a@x.io",
        "'  Ada.Lovelace@Example.COM ', ada.lovelace@example.com",
        "ｕser@example.com, user@example.com",
        "STRASSE@example.com, strasse@example.com",
        "first.last+news@example.com, first.last+news@example.com",
        "zoë@bücher.de, zoë@bücher.de"
    })
    void givenVariantsOfOneAddress_parse_yieldsOneCanonicalForm(String raw, String canonical) {
        assertThat(Email.parse(raw, "email").value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@b", "a@@b.io", "a b@c.io", "a@b..io", "a,b@x.io",
            "x<b@x.io>", "\"q\"@x.io", "a;b@x.io", "a:b@x.io", "a(b)@x.io", "a\u0085b@x.io", "a\u0000@x.io",
            "a@x_y.io"})
    void givenMalformedAddress_parse_failsNamingTheField(String raw) {
        assertThatThrownBy(() -> Email.parse(raw, "email"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("email")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A@x.io", " a@x.io"})
    void givenNonCanonicalValue_constructor_rejectsIt(String raw) {
        assertThatThrownBy(() -> new Email(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void givenOverlongAddress_parse_fails() {
        String local = "a".repeat(64);
        String domain = "b".repeat(190) + ".io";
        assertThatThrownBy(() -> Email.parse(local + "@" + domain, "email")).isInstanceOf(InvalidInputException.class);
    }
}
