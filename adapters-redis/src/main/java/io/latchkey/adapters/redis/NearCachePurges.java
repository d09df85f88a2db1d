package io.latchkey.adapters.redis;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The purge announcements on {@value #CHANNEL}: {@code <origin>|u:<uid>} drops a user, {@code <origin>|s:<uid>:<sid>}
 * one session; {@code origin} names the announcing instance, which purged its own near tier already and skips its own
 * announcements. (An announcement without an origin, from an older instance, is applied.) Best effort by nature
 * (pub/sub); the durable path is the auth-events topic.
 */
final class NearCachePurges {

    static final String CHANNEL = "lk:purge";

    private NearCachePurges() {
    }

    static String user(String origin, UserId user) {
        return origin + ORIGIN_END + "u:" + user;
    }

    static String session(String origin, UserId user, SessionId session) {
        return origin + ORIGIN_END + "s:" + user + ":" + session;
    }

    private static final char ORIGIN_END = '|';

    /**
     * Applies an announcement to the near cache unless {@code self} made it; anything unreadable is ignored.
     */
    static Mono<Void> apply(NearAuthCache near, String self, @Nullable String announcement) {
        if (announcement == null) {
            return Mono.empty();
        }
        int end = announcement.indexOf(ORIGIN_END);
        if (end >= 0 && announcement.substring(0, end).equals(self)) {
            return Mono.empty();
        }
        String message = announcement.substring(end + 1);
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
