package io.latchkey.domain.model.verification;

/** What checking a presented code against the stored one found. */
public enum CodeCheck {
    /** It matched; the stored code is gone, so it cannot be used twice. */
    ACCEPTED,
    /** It did not match; one attempt was used, and the last allowed one burned the code. */
    REJECTED,
    /** There is no code to check against: never issued, expired, used or burned. */
    ABSENT
}
