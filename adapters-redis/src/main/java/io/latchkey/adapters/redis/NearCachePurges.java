package io.latchkey.adapters.redis;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The purge announcements on {@value #CHANNEL}: {@code u:<uid>} drops a user, {@code s:<uid>:<sid>} one session, the
 * format every earlier version reads and writes, so a rolling upgrade loses none. Every instance applies every
 * announcement, its own included (a second purge of its near tier after the one {@link TieredAuthCache} did; an
 * announcement with an {@code <origin>|} prefix is applied too). Best effort by nature
 * (pub/sub); the durable path is the auth-events topic.
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

    private static final char ORIGIN_END = '|';

    /** Applies an announcement to the near cache; anything unreadable is ignored. */
    static Mono<Void> apply(NearAuthCache near, @Nullable String announcement) {
        if (announcement == null) {
            return Mono.empty();
        }
        String message = announcement.substring(announcement.indexOf(ORIGIN_END) + 1);
        try {
            if (message.startsWith("u:")) {
                return near.evictUser(UserId.parse(message.substring(2)));
            }
            if (message.startsWith("s:")) {
                int split = message.indexOf(':', 2);
                return near.evictSession(UserId.parse(message.substring(2, split)), SessionId.parse(message.substring(split + 1)));
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException ignored) {
            // Not ours: nothing to purge.
        }
        return Mono.empty();
    }
}
