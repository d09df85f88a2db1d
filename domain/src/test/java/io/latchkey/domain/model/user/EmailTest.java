package io.latchkey.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @CsvSource({
        "'  Ada.Lovelace@Example.COM ', Ada.Lovelace@Example.COM",
        "STRASSE@example.com, STRASSE@example.com",
        "straße1@example.de, straße1@example.de",
        "Zoë@Bücher.de, Zoë@Bücher.de",
        // e + combining acute is canonically equivalent to é: NFC writes it as one character
        "'zoe\u0301@example.com', zoé@example.com",
        // the Kelvin, ohm and angstrom signs are canonical singletons: NFC writes them as K, Ω and Å
        "'\u212Aate@example.com', Kate@example.com",
        "'\u2126mega@example.com', Ωmega@example.com",
        "'\u212Bse@example.com', Åse@example.com"
    })
    void givenInput_parse_keepsTheAddressAsWrittenOnlyTrimmedAndNfc(String raw, String registered) {
        assertThat(Email.parse(raw, "email").value()).isEqualTo(registered);
    }

    /** Spellings that must be one account: they differ only by a one-to-one case pair, NFC or the A-label. */
    @ParameterizedTest
    @CsvSource({
        "A@x.io, a@x.io",
        "a@X.IO, a@x.io",
        "Ada.Lovelace@Example.COM, ada.lovelace@example.com",
        "ZOË@bücher.de, zoë@bücher.de",
        "zoë@BÜCHER.DE, zoë@xn--bcher-kva.de",
        "zoë@bücher.de, zoë@XN--BCHER-KVA.DE",
        "ΣΟΦΙΑ@example.gr, σοφια@example.gr",
        "'\u212Aate@example.com', kate@example.com",
        "'zoe\u0301@example.com', zoé@example.com",
        "ДАША@пример.рф, даша@пример.рф"
    })
    void givenTwoSpellingsOfOneMailbox_key_isTheSame(String one, String other) {
        assertThat(Email.parse(one, "email").key()).isEqualTo(Email.parse(other, "email").key());
    }

    /**
     * Spellings that Unicode folding (NFKC, upper-then-lower, case folding) would merge but that are different
     * letters, hence possibly different mailboxes: they stay different accounts.
     */
    @ParameterizedTest
    @CsvSource({
        "straße1@example.de, strasse1@example.de",
        "user@straße.de, user@strasse.de",
        "ınci@example.com, inci@example.com",
        "soφος@example.gr, soφοσ@example.gr",
        // Cyrillic а and Latin a look alike but are different mailboxes
        "аda@example.com, ada@example.com"
    })
    void givenLettersThatFoldingWouldMerge_key_keepsThemApart(String one, String other) {
        assertThat(Email.parse(one, "email").key()).isNotEqualTo(Email.parse(other, "email").key());
    }

    @ParameterizedTest
    @CsvSource({
        "zoë@bücher.de, zoë@xn--bcher-kva.de",
        "a@münchen.de, a@xn--mnchen-3ya.de",
        "a@straße.de, a@xn--strae-oqa.de",
        "a@例え.jp, a@xn--r8jz45g.jp"
    })
    void givenUnicodeDomain_key_holdsItsALabel(String raw, String key) {
        assertThat(Email.parse(raw, "email").key()).isEqualTo(key);
    }

    /** Characters NFKC or case mapping would turn into another letter: refused, so neither merge nor look-alike. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ｕser@example.com", // fullwidth u
        "ﬁle@example.com", // fi ligature
        "ſtrasse@example.com", // long s
        "\u00B5ser@example.com", // micro sign (NFKC: Greek mu)
        "user\u00B2@example.com", // superscript two
        "\u01C5ungla@example.com", // title-case Dž digraph
        "\u0130nci@example.com", // capital I with dot above: lowers to i
        "STRA\u1E9EE@example.de", // capital sharp s: lowers to ß, which does not upper-case back
        "user@ｅxample.com",
        "user@exam\uFB01e.com"
    })
    void givenCompatibilityOrLossyCaseCharacters_parse_refusesThem(String raw) {
        assertThatThrownBy(() -> Email.parse(raw, "email"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("email")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@b", "a@@b.io", "a b@c.io", "a@b..io", "a,b@x.io",
            "x<b@x.io>", "\"q\"@x.io", "a;b@x.io", "a:b@x.io", "a(b)@x.io", "a\u0085b@x.io", "a\u0000@x.io",
            "a@x_y.io", "a＠x.io"})
    void givenMalformedAddress_parse_failsNamingTheField(String raw) {
        assertThatThrownBy(() -> Email.parse(raw, "email"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("email")));
    }

    @ParameterizedTest
    @ValueSource(strings = {" a@x.io", "a@x.io ", "zoe\u0301@x.io", "plain"})
    void givenValueNotTrimmedOrNotNfc_constructor_rejectsIt(String raw) {
        assertThatThrownBy(() -> new Email(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenOverlongAddress_parse_fails() {
        String local = "a".repeat(64);
        String domain = "b".repeat(190) + ".io";
        assertThatThrownBy(() -> Email.parse(local + "@" + domain, "email")).isInstanceOf(InvalidInputException.class);
    }
}
