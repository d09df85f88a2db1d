package io.latchkey.domain.model.session;

import org.jspecify.annotations.Nullable;

/** Where a session was started from, for the device list. User agents are truncated to 512 characters. */
public record ClientInfo(@Nullable String userAgent, @Nullable String ipAddress) {

    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);
    private static final int MAX_USER_AGENT = 512;

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
