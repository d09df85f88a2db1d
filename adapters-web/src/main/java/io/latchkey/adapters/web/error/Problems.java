package io.latchkey.adapters.web.error;

import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.CsrfRejectedException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.error.EmailNotVerifiedException;
import io.latchkey.domain.error.IncorrectPasswordException;
import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.InvalidResetTokenException;
import io.latchkey.domain.error.InvalidVerificationCodeException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.error.RefreshTokenInvalidException;
import io.latchkey.domain.error.RefreshTokenReuseException;
import io.latchkey.domain.error.SessionNotFoundException;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.error.FactorConflictException;
import io.latchkey.domain.error.InvalidMfaTokenException;
import io.latchkey.domain.error.InvalidSecondFactorException;
import io.latchkey.domain.error.InvalidPasskeyException;
import io.latchkey.domain.error.PasskeyNotFoundException;
import io.latchkey.domain.error.MfaRequiredException;
import io.latchkey.domain.error.StepUpRequiredException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one mapping from failures to RFC 9457 problems: an exhaustive switch over the sealed
 * {@link AuthException}, so a new failure cannot ship without a status. Details never help an attacker.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:problem:auth:";
    /** Seconds a client should wait after a 503. */
    public static final String RETRY_AFTER_SECONDS = "2";
    static final String BEARER_CHALLENGE = "Bearer";
    static final String INVALID_TOKEN_CHALLENGE =
            "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"";

    private Problems() {
    }

    public static HttpStatus statusOf(AuthException error) {
        return switch (error) {
            case InvalidInputException e -> HttpStatus.BAD_REQUEST;
            case EmailAlreadyRegisteredException e -> HttpStatus.CONFLICT;
            case InvalidCredentialsException e -> HttpStatus.UNAUTHORIZED;
            case InvalidAccessTokenException e -> HttpStatus.UNAUTHORIZED;
            case SessionRevokedException e -> HttpStatus.UNAUTHORIZED;
            case RefreshTokenInvalidException e -> HttpStatus.UNAUTHORIZED;
            case RefreshTokenReuseException e -> HttpStatus.UNAUTHORIZED;
            case UserDisabledException e -> HttpStatus.FORBIDDEN;
            case SessionNotFoundException e -> HttpStatus.NOT_FOUND;
            case CsrfRejectedException e -> HttpStatus.FORBIDDEN;
            case DependencyUnavailableException e -> HttpStatus.SERVICE_UNAVAILABLE;
            case RateLimitedException e -> HttpStatus.TOO_MANY_REQUESTS;
            case InvalidVerificationCodeException e -> HttpStatus.BAD_REQUEST;
            case InvalidResetTokenException e -> HttpStatus.BAD_REQUEST;
            case IncorrectPasswordException e -> HttpStatus.BAD_REQUEST;
            case EmailNotVerifiedException e -> HttpStatus.FORBIDDEN;
            case UserNotFoundException e -> HttpStatus.NOT_FOUND;
            case MfaRequiredException e -> HttpStatus.FORBIDDEN;
            case InvalidMfaTokenException e -> HttpStatus.UNAUTHORIZED;
            case InvalidSecondFactorException e -> HttpStatus.BAD_REQUEST;
            case StepUpRequiredException e -> HttpStatus.UNAUTHORIZED;
            case FactorConflictException e -> HttpStatus.CONFLICT;
            case InvalidPasskeyException e -> HttpStatus.BAD_REQUEST;
            case PasskeyNotFoundException e -> HttpStatus.NOT_FOUND;
            case FederationException e -> switch (e.code()) {
                case UNKNOWN_IDENTITY_PROVIDER, IDENTITY_NOT_LINKED -> HttpStatus.NOT_FOUND;
                case ACCOUNT_EXISTS, IDENTITY_ALREADY_LINKED, LAST_SIGN_IN_METHOD -> HttpStatus.CONFLICT;
                default -> HttpStatus.BAD_REQUEST;
            };
        };
    }

    public static ProblemDetail of(AuthException error) {
        HttpStatus status = statusOf(error);
        ProblemDetail problem = create(status, error.code());
        if (error instanceof InvalidInputException invalid) {
            problem.setDetail("One or more fields are invalid.");
            List<Map<String, String>> errors = invalid.violations().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList();
            problem.setProperty("errors", errors);
        }
        switch (error) {
            case MfaRequiredException mfa -> {
                // Auth0's shape inside RFC 9457: the client completes the sign-in with this token.
                problem.setProperty("error", "mfa_required");
                problem.setProperty("mfa_token", mfa.mfaToken());
                problem.setProperty("mfa_methods", mfa.methods());
                problem.setProperty("expires_in", mfa.expiresInSeconds());
            }
            case StepUpRequiredException stepUp -> {
                problem.setDetail(stepUp.getMessage());
                problem.setProperty("max_age", stepUp.maxAge().toSeconds());
                problem.setProperty("second_factor_required", stepUp.secondFactor());
            }
            case FactorConflictException conflict -> problem.setDetail(conflict.getMessage());
            case InvalidPasskeyException passkey -> problem.setDetail(passkey.getMessage());
            default -> { }
        }
        return problem;
    }

    public static ProblemDetail create(HttpStatus status, AuthErrorCode code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, code.defaultMessage());
        problem.setType(URI.create(TYPE_PREFIX + code.slug()));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** The headers a problem for this failure must carry: challenges on 401, a retry hint on 503. */
    public static HttpHeaders headersFor(AuthException error) {
        HttpHeaders headers = new HttpHeaders();
        switch (error) {
            case InvalidAccessTokenException e -> headers.set(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
            case SessionRevokedException e -> headers.set(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
            case DependencyUnavailableException e -> headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            case RateLimitedException e -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            case StepUpRequiredException e -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_user_authentication\", error_description=\"A more recent authentication"
                            + " is required\", max_age=" + e.maxAge().toSeconds());
            default -> {
                if (statusOf(error) == HttpStatus.UNAUTHORIZED) {
                    headers.set(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
                }
            }
        }
        return headers;
    }

    /** A problem as a plain map, for writers outside the MVC layer (the security filters). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
