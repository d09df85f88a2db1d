package io.latchkey.domain.model.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 Appendix B, the SHA-1 seed. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** The RFC's eight-digit values; six-digit codes are their last six digits (the same value mod 10^6). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void givenRfc6238Vectors_codeAt_matchesTheirLastSixDigits(long epochSeconds, String eightDigits) {
        long step = Totp.stepAt(Instant.ofEpochSecond(epochSeconds));

        assertThat(Totp.codeAt(SEED, step)).isEqualTo(eightDigits.substring(2));
    }

    /** RFC 2202 test cases 1 and 6 (the latter a key longer than the SHA-1 block, hashed first). */
    @Test
    void givenRfc2202Vectors_hmacSha1_matchesThem() {
        assertThat(java.util.HexFormat.of().formatHex(Totp.hmacSha1(java.util.HexFormat.of().parseHex("0b".repeat(20)),
                "Hi There".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
        assertThat(java.util.HexFormat.of().formatHex(Totp.hmacSha1(java.util.HexFormat.of().parseHex("aa".repeat(80)),
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa4ae5e15272d00e95705637ce8a3b55ed402112");
    }

    @Test
    void givenCodeOfNeighbouringStep_matchingStep_acceptsOneStepOfDriftAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(SEED, Totp.codeAt(SEED, step - 1), now, 1)).hasValue(step - 1);
        assertThat(Totp.matchingStep(SEED, Totp.codeAt(SEED, step + 1), now, 1)).hasValue(step + 1);
        assertThat(Totp.matchingStep(SEED, Totp.codeAt(SEED, step + 2), now, 1)).isEmpty();
        assertThat(Totp.matchingStep(SEED, Totp.codeAt(SEED, step - 2), now, 1)).isEmpty();
    }

    @Test
    void givenMalformedCodes_isWellFormed_refusesThem() {
        assertThat(Totp.isWellFormed("123456")).isTrue();
        assertThat(Totp.isWellFormed("12345")).isFalse();
        assertThat(Totp.isWellFormed("12345a")).isFalse();
        assertThat(Totp.isWellFormed("١٢٣٤٥٦")).isFalse();
    }

    @Test
    void givenRfc4648Vector_base32_encodesWithoutPadding() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    }

    @Test
    void givenSecret_keyUri_namesIssuerAccountAndParameters() {
        TotpSecret secret = new TotpSecret(SEED);

        assertThat(secret.keyUri("Latchkey", "ada@example.com")).isEqualTo(
                "otpauth://totp/Latchkey:ada%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Latchkey"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(secret.toString()).doesNotContain("GEZD");
    }

    @Test
    void givenTypedRecoveryCode_parse_ignoresCaseSpacesAndDash() {
        var owner = io.latchkey.domain.model.user.UserId.parse("0190f3a4-8c2e-7b6d-9a1e-3f4b5c6d7e8f");
        assertThat(RecoveryCode.parse(" ABCD efgh-JKMN pqrs ").hash(owner))
                .isEqualTo(new RecoveryCode("abcd-efgh-jkmn-pqrs").hash(owner));
        assertThat(RecoveryCode.parse("abcdefghjkmnpqrs")).isEqualTo(new RecoveryCode("abcd-efgh-jkmn-pqrs"));
    }

    @Test
    void givenTheSameCodeOfTwoAccounts_hash_differs_andIsNotThePlainSha256() {
        RecoveryCode code = new RecoveryCode("abcd-efgh-jkmn-pqrs");
        var ada = io.latchkey.domain.model.user.UserId.parse("0190f3a4-8c2e-7b6d-9a1e-3f4b5c6d7e8f");
        var bob = io.latchkey.domain.model.user.UserId.parse("0190f3a4-8c2e-7b6d-9a1e-3f4b5c6d7e90");

        assertThat(code.hash(ada)).isNotEqualTo(code.hash(bob))
                .isNotEqualTo(io.latchkey.domain.model.token.Sha256.hex(code.value()));
    }

    @Test
    void givenMfaToken_parse_roundTripsAndRefusesOtherShapes() {
        MfaToken token = new MfaToken(io.latchkey.domain.model.user.UserId.parse("0190f3a4-8c2e-7b6d-9a1e-3f4b5c6d7e8f"),
                "c2VjcmV0");

        assertThat(MfaToken.parse(token.encoded())).contains(token);
        assertThat(MfaToken.parse("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isEmpty();
        assertThat(MfaToken.parse("mfa.not-a-uuid.secret")).isEmpty();
        assertThat(MfaToken.parse("mfa.0190f3a4-8c2e-7b6d-9a1e-3f4b5c6d7e8f.")).isEmpty();
    }
}
