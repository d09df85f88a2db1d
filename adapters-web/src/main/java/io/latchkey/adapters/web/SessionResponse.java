package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.SessionSummary;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One device-list entry. */
record SessionResponse(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("last_used_at") Instant lastUsedAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("user_agent") @Nullable String userAgent,
        @JsonProperty("ip_address") @Nullable String ipAddress,
        boolean current) {

    static SessionResponse from(SessionSummary summary) {
        return new SessionResponse(summary.id().toString(), summary.createdAt(), summary.lastUsedAt(), summary.expiresAt(),
                summary.client().userAgent(), summary.client().ipAddress(), summary.current());
    }
}
