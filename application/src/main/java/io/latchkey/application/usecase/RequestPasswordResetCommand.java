package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** Which address asks for a reset, and from where, for rate limits. */
public record RequestPasswordResetCommand(@Nullable String email, @Nullable String clientIp) {
}
