package io.latchkey.adapters.redis;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.NearAuthCache;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The purge announcements on {@value #CHANNEL}: {@code u:<uid>} drops a user, {@code s:<uid>:<sid>} one session.
 * Best effort by nature (pub/sub); the durable path is the auth-events topic.
 */
final class NearCachePurges {

    static final String CHANNEL = "lk:purge";

    private NearCachePurges() {
    }

    static String user(UserId user) {
        return "u:" + user;
    }

    static String session(UserId user, SessionId session) {
        return "s:" + user + ":" + session;
    }

    /** Applies an announcement to the near cache; anything unreadable is ignored. */
    static Mono<Void> apply(NearAuthCache near, @Nullable String message) {
        try {
            if (message != null && message.startsWith("u:")) {
                return near.evictUser(UserId.parse(message.substring(2)));
            }
            if (message != null && message.startsWith("s:")) {
                int split = message.indexOf(':', 2);
                return near.evictSession(UserId.parse(message.substring(2, split)), SessionId.parse(message.substring(split + 1)));
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException ignored) {
            // Not ours: nothing to purge.
        }
        return Mono.empty();
    }
}
