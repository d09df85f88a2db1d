package io.latchkey.domain.error;

/** Every failure a use case reports on purpose. Unchecked so it travels through Reactor chains. */
public sealed abstract class AuthException extends RuntimeException
        permits InvalidInputException, EmailAlreadyRegisteredException, InvalidCredentialsException,
                InvalidAccessTokenException, SessionRevokedException, UserDisabledException,
                RefreshTokenInvalidException, RefreshTokenReuseException, SessionNotFoundException,
                CsrfRejectedException, DependencyUnavailableException, RateLimitedException,
                InvalidVerificationCodeException, InvalidResetTokenException, IncorrectPasswordException,
                EmailNotVerifiedException, UserNotFoundException, MfaRequiredException,
                InvalidMfaTokenException, InvalidSecondFactorException, StepUpRequiredException,
                FactorConflictException, FederationException, InvalidPasskeyException,
                PasskeyNotFoundException {

    private final AuthErrorCode code;

    protected AuthException(AuthErrorCode code, String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    protected AuthException(AuthErrorCode code) {
        this(code, code.defaultMessage(), null);
    }

    public AuthErrorCode code() {
        return code;
    }
}
