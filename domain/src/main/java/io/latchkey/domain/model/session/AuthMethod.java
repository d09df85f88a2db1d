package io.latchkey.domain.model.session;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a session was authenticated, as the {@code amr} claim spells it. All but {@link #FED} are RFC 8176
 * values; {@code fed} is Latchkey's own for a sign-in through an external identity provider (RFC 8176 has no
 * value for it), whose name the session keeps beside it.
 */
public enum AuthMethod {
    /** Password (RFC 8176). */
    PWD("pwd", Factor.KNOWLEDGE),
    /** One-time password, here TOTP (RFC 8176). */
    OTP("otp", Factor.POSSESSION),
    /** Proof of possession of a hardware-secured key, e.g. a security key or platform passkey (RFC 8176). */
    HWK("hwk", Factor.POSSESSION),
    /** Proof of possession of a software-secured key (RFC 8176). */
    SWK("swk", Factor.POSSESSION),
    /** More than one factor was used (RFC 8176); derived, never presented on its own. */
    MFA("mfa", Factor.NONE),
    /** Federated sign-in through an external identity provider; not an RFC 8176 value. */
    FED("fed", Factor.FEDERATION);

    /** The kind of evidence a method is; a possession factor beside any other method makes {@link #MFA}. */
    enum Factor { KNOWLEDGE, POSSESSION, FEDERATION, NONE }

    private final String wireValue;
    private final Factor factor;

    AuthMethod(String wireValue, Factor factor) {
        this.wireValue = wireValue;
        this.factor = factor;
    }

    public String wireValue() {
        return wireValue;
    }

    Factor factor() {
        return factor;
    }

    /** Whether this is a second factor (a proof of possession), as opposed to a password or federation. */
    public boolean isPossession() {
        return factor == Factor.POSSESSION;
    }

    public static Optional<AuthMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireValue.equals(value)).findFirst();
    }
}
