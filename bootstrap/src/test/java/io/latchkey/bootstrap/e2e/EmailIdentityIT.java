package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.testsupport.ReceivedMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11's takeover through email folding, on the real SMTP path: which mailbox receives each mail is read from
 * the SMTP server. Mail goes only to the address as registered; another spelling of it reaches the same account
 * but never gets mail itself; an address folding would change is a different account, not a merged one.
 */
class EmailIdentityIT extends IntegrationTest {

    @Test
    void givenStrasseWithSharpS_registration_mailsExactlyThatAddress_andTheFoldedAddressIsAnotherAccount() throws Exception {
        String tag = tag();
        String sharp = "straße-" + tag + "@example.de";
        String folded = "strasse-" + tag + "@example.de";
        register(sharp);
        assertThat(awaitMail(sharp, VERIFICATION_SUBJECT).recipients()).containsExactly(sharp);

        // Whoever holds the folded mailbox registers it and asks for a reset: both mails reach their own account.
        register(folded);
        awaitMail(folded, VERIFICATION_SUBJECT);
        requestReset(folded).expectStatus().isAccepted();
        awaitMail(folded, "Reset your password");
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", sharp)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", folded)).isEqualTo(1);
        assertThat(mail().to(sharp)).singleElement()
                .satisfies(only -> assertThat(only.subject()).startsWith(VERIFICATION_SUBJECT));
        assertThat(mail().to(folded)).hasSize(2);
    }

    @Test
    void givenAnotherSpellingOfARegisteredAddress_everyMailGoesToTheAddressAsRegistered() throws Exception {
        String tag = tag();
        String registered = "Ada.Lovelace-" + tag + "@Example.COM";
        String other = "ada.lovelace-" + tag + "@example.com";
        register(registered);
        assertThat(awaitMail(registered, VERIFICATION_SUBJECT).recipients()).containsExactly(registered);
        assertThat(storedAddress(other)).isEqualTo(registered);

        // register again, reset and resend, each naming the other spelling
        register(other.toUpperCase());
        requestReset(other).expectStatus().isAccepted();
        http.post().uri("/api/v1/accounts/email-verification").header("X-Forwarded-For", "192.0.2." + (tag.hashCode() & 0x7f))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", " " + other + " ")).exchange()
                .expectStatus().isAccepted();
        awaitMail(registered, "You already have an account");
        awaitMail(registered, "Reset your password");
        mail().await(m -> mail().to(registered).size() == 4, Duration.ofSeconds(10));

        assertThat(mail().received()).flatExtracting(ReceivedMail::recipients)
                .filteredOn(recipient -> recipient.toLowerCase().contains(tag))
                .containsOnly(registered);
        loginStatus(other, PASSWORD).expectStatus().isOk();
        confirm(other.toUpperCase(), verificationCode(registered)).expectStatus().isNoContent();
    }

    @Test
    void givenADecomposedAddress_registration_storesAndMailsItsNfcForm_andBothFormsLogIn() throws Exception {
        String tag = tag();
        String decomposed = "zoe\u0301-" + tag + "@example.com";
        String composed = "zo\u00e9-" + tag + "@example.com";
        register(decomposed);
        assertThat(awaitMail(composed, VERIFICATION_SUBJECT).recipients()).containsExactly(composed);
        loginStatus(decomposed, PASSWORD).expectStatus().isOk();
        loginStatus(composed, PASSWORD).expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ｕser@example.com", "ﬁle@example.com", "ſtrasse@example.com", "\u0130nci@example.com",
            "STRA\u1E9EE@example.de", "\u00B5ser@example.com"})
    void givenCompatibilityOrLossyCaseCharacters_registration_is400NamingTheEmail(String address) {
        String tagged = address.replace("@", "-" + tag() + "@");
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", tagged, "password", PASSWORD)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-input")
                .jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void givenAUnicodeDomainAndItsALabel_theyAreOneAccount_andMailGoesToTheSpellingRegistered() throws Exception {
        String tag = tag();
        String unicode = "kim-" + tag + "@bücher.example";
        String aLabel = "kim-" + tag + "@xn--bcher-kva.example";
        register(unicode);
        awaitMail(unicode, VERIFICATION_SUBJECT);
        register(aLabel);
        awaitMail(unicode, "You already have an account");
        assertThat(mail().to(aLabel)).isEmpty();
        assertThat(count("SELECT count(*) FROM users WHERE email_key = ?", aLabel)).isEqualTo(1);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private WebTestClient.ResponseSpec requestReset(String email) {
        return http.post().uri("/api/v1/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange();
    }

    private WebTestClient.ResponseSpec confirm(String email, String code) {
        return http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "code", code)).exchange();
    }

    private WebTestClient.ResponseSpec loginStatus(String email, String password) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private static String storedAddress(String spelling) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT email FROM users WHERE email_key = lower(?)")) {
            q.setString(1, spelling);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
