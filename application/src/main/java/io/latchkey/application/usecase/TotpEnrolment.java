package io.latchkey.application.usecase;

import java.util.Objects;

/** A pending TOTP factor as the user's app needs it: the base32 secret and the otpauth:// key URI. */
public record TotpEnrolment(String secret, String keyUri) {

    public TotpEnrolment {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(keyUri, "keyUri");
    }

    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
