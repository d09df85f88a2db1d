package io.latchkey.domain.model.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeChallengeTest {

    @Test
    void theRfc7636AppendixBExample_matchesItsVerifierOnly() {
        CodeChallenge challenge = new CodeChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertThat(challenge.matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isTrue();
        assertThat(challenge.matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl")).isFalse();
        assertThat(CodeChallenge.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo(challenge);
    }

    @Test
    void aVerifierOutsideRfc7636_neverMatches_evenItsOwnDigest() {
        String tooShort = "short-verifier";
        assertThat(CodeChallenge.of(tooShort).matches(tooShort)).isFalse();
    }

    @Test
    void aPlainOrMalformedChallenge_isRefused() {
        assertThatThrownBy(() -> new CodeChallenge("plain-text-challenge")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
