package io.latchkey.resourceserver.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revoked session ids and per-user not-before epochs, each kept until the tokens it denies have expired. Adding
 * only ever tightens (a later expiry, a higher epoch), so duplicated and out-of-order events are harmless. Bounded:
 * once {@code maxEntries} is reached, a revocation that finds no room makes the store report itself
 * {@link #overflowing(Instant)} until that revocation would have expired, and the gate does not decide on it meanwhile
 * (the same holds after {@link #markIncomplete(Instant)}, for a revocation the stream could not read).
 * One thread writes (the stream's), any number read.
 */
public final class RevocationStore {

    private record EpochMark(long epoch, Instant until) {
    }

    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, EpochMark> users = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxEntries;
    private volatile Instant overflowUntil = Instant.MIN;

    public RevocationStore(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Tokens of this session are denied until {@code until}. */
    public void revokeSession(String sessionId, Instant until) {
        if (!sessions.containsKey(sessionId) && !reserve(until)) {
            return;
        }
        sessions.merge(sessionId, until, (old, now) -> now.isAfter(old) ? now : old);
    }

    /** Tokens of this user carrying an epoch below {@code epoch} are denied until {@code until}. */
    public void raiseEpoch(String userId, long epoch, Instant until) {
        if (!users.containsKey(userId) && !reserve(until)) {
            return;
        }
        users.merge(userId, new EpochMark(epoch, until), (old, now) -> new EpochMark(Math.max(old.epoch(), now.epoch()),
                now.until().isAfter(old.until()) ? now.until() : old.until()));
    }

    /** Whether a token of this session and user, carrying {@code epoch}, is revoked at {@code now}. */
    public boolean isRevoked(String sessionId, String userId, long epoch, Instant now) {
        Instant sessionUntil = sessions.get(sessionId);
        if (sessionUntil != null && now.isBefore(sessionUntil)) {
            return true;
        }
        EpochMark mark = users.get(userId);
        return mark != null && now.isBefore(mark.until()) && epoch < mark.epoch();
    }

    /** Forgets what has expired; called regularly by the stream's thread. */
    public void expire(Instant now) {
        sessions.entrySet().removeIf(e -> {
            boolean gone = !now.isBefore(e.getValue());
            if (gone) {
                size.decrementAndGet();
            }
            return gone;
        });
        users.entrySet().removeIf(e -> {
            boolean gone = !now.isBefore(e.getValue().until());
            if (gone) {
                size.decrementAndGet();
            }
            return gone;
        });
    }

    /** A revocation that could not be read may matter until {@code until}: decisions are incomplete until then. */
    public void markIncomplete(Instant until) {
        if (until.isAfter(overflowUntil)) {
            overflowUntil = until;
        }
    }

    /** True while a revocation that could not be held for lack of room may still matter: decisions are incomplete. */
    public boolean overflowing(Instant now) {
        return now.isBefore(overflowUntil);
    }

    public int sessionEntries() {
        return sessions.size();
    }

    public int userEntries() {
        return users.size();
    }

    private boolean reserve(Instant until) {
        if (size.incrementAndGet() > maxEntries) {
            size.decrementAndGet();
            if (until.isAfter(overflowUntil)) {
                overflowUntil = until;
            }
            return false;
        }
        return true;
    }
}
