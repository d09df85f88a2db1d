package io.latchkey.adapters.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.error.EmailNotVerifiedException;
import io.latchkey.domain.error.IncorrectPasswordException;
import io.latchkey.domain.error.InvalidResetTokenException;
import io.latchkey.domain.error.InvalidVerificationCodeException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.error.UserNotFoundException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    @Test
    void givenARateLimit_theProblemIs429WithRetryAfterInWholeSecondsRoundedUp() {
        RateLimitedException limited = new RateLimitedException(Duration.ofMillis(1_200));
        assertThat(Problems.statusOf(limited)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Problems.headersFor(limited).getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(Problems.of(limited).getType()).hasToString("urn:problem:auth:too-many-requests");
        assertThat(Problems.headersFor(new RateLimitedException(Duration.ZERO)).getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
    }

    @Test
    void givenTheAccountLifecycleFailures_eachHasItsStatusAndStableType() {
        assertThat(Problems.statusOf(new InvalidVerificationCodeException())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Problems.of(new InvalidVerificationCodeException()).getType())
                .hasToString("urn:problem:auth:invalid-verification-code");
        assertThat(Problems.statusOf(new InvalidResetTokenException())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Problems.statusOf(new IncorrectPasswordException())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Problems.statusOf(new EmailNotVerifiedException())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Problems.statusOf(new UserNotFoundException())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Problems.headersFor(new IncorrectPasswordException()).containsHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isFalse();
    }

    @Test
    void givenMfaRequired_problem_carriesTheAuth0ShapeAsExtensionMembers() {
        var problem = Problems.of(new io.latchkey.domain.error.MfaRequiredException("mfa.x.y", java.util.List.of("otp",
                "recovery_code"), 300));

        assertThat(Problems.statusOf(new io.latchkey.domain.error.MfaRequiredException("t", java.util.List.of(), 1)))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(problem.getType()).hasToString("urn:problem:auth:mfa-required");
        assertThat(problem.getProperties()).containsEntry("error", "mfa_required").containsEntry("mfa_token", "mfa.x.y")
                .containsEntry("mfa_methods", java.util.List.of("otp", "recovery_code")).containsEntry("expires_in", 300L);
    }

    @Test
    void givenStepUpRequired_problemAndChallenge_sayHowRecentAndWhetherTheSecondFactor() {
        var error = new io.latchkey.domain.error.StepUpRequiredException(java.time.Duration.ofMinutes(5), true);

        assertThat(Problems.statusOf(error)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Problems.of(error).getProperties()).containsEntry("max_age", 300L).containsEntry("second_factor_required", true);
        assertThat(Problems.headersFor(error).getFirst(org.springframework.http.HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer error=\"insufficient_user_authentication\"").endsWith("max_age=300");
    }
}
