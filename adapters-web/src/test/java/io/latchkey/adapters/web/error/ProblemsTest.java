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
}
