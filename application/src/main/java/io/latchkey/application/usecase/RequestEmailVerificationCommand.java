package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** Which address wants a (new) verification code, and from where the request came, for rate limits. */
public record RequestEmailVerificationCommand(@Nullable String email, @Nullable String clientIp) {
}
