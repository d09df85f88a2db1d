package io.latchkey.domain.error;

/** A second-factor change that does not fit the current state (enrolling twice, confirming nothing pending, …). */
public final class FactorConflictException extends AuthException {

    public FactorConflictException(String detail) {
        super(AuthErrorCode.FACTOR_CONFLICT, detail, null);
    }
}
