package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.TotpEnrolment;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the client shows to set up the authenticator app: the secret, the key URI, and the URI as a QR code (SVG). */
record TotpEnrolmentResponse(
        @Schema(description = "The shared secret, base32 (RFC 4648), for typing into the app") String secret,
        @JsonProperty("otpauth_uri") @Schema(description = "The otpauth://totp/ key URI apps scan") String otpauthUri,
        @JsonProperty("qr_svg") @Schema(description = "The key URI as a QR code, an SVG document") String qrSvg) {

    static TotpEnrolmentResponse from(TotpEnrolment enrolment) {
        return new TotpEnrolmentResponse(enrolment.secret(), enrolment.keyUri(), QrSvg.of(enrolment.keyUri()));
    }

    @Override
    public String toString() {
        return "TotpEnrolmentResponse[***]";
    }
}
