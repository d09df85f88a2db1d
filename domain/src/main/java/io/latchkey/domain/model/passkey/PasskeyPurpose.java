package io.latchkey.domain.model.passkey;

/** What a WebAuthn challenge was issued for; an answer is accepted only for the purpose its challenge had. */
public enum PasskeyPurpose {
    /** Adding a passkey to the signed-in caller's account. */
    REGISTRATION,
    /** The second factor of a sign-in that answered {@code mfa_required}. */
    SECOND_FACTOR,
    /** Re-authentication within the caller's session. */
    STEP_UP,
    /** Passwordless sign-in with a discoverable credential: no account is known when the challenge is issued. */
    PASSWORDLESS
}
