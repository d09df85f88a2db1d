package io.latchkey.domain.model.audit;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who sent the request that is being served: its client address and user agent and, once its bearer token is
 * checked, the caller's account and session. The web adapter puts it into the Reactor context under
 * {@link #CONTEXT_KEY}; the audit store reads it there, so no use case has to pass it along.
 */
public record RequestOrigin(@Nullable String ipAddress, @Nullable String userAgent, @Nullable UserId callerId,
        @Nullable SessionId callerSessionId) {

    public static final String CONTEXT_KEY = RequestOrigin.class.getName();
    private static final int MAX_USER_AGENT = 512;

    public RequestOrigin {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
