package io.latchkey.adapters.web.console;

import io.latchkey.application.usecase.SessionSummary;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.federation.LinkedIdentity;
import io.latchkey.domain.model.user.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the console templates show; every value a string the template prints as text (escaped). */
final class ConsoleViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleViews() {
    }

    record UserRow(String id, String email, String name, String status, boolean verified, String roles, String created,
            String lastLogin) {

        static UserRow of(User user, List<SessionSummary> sessions) {
            return new UserRow(user.id().value().toString(), user.email().value(), ConsoleViews.name(user), user.status().name(),
                    user.emailVerified(), user.roles().stream().sorted().collect(Collectors.joining(", ")),
                    time(user.createdAt()), ConsoleViews.lastLogin(sessions));
        }
    }

    record SessionRow(String id, String device, String address, String started, String lastUsed, String expires,
            boolean console) {

        static SessionRow of(SessionSummary session) {
            return new SessionRow(session.id().value().toString(),
                    orDash(session.client().userAgent()), orDash(session.client().ipAddress()),
                    time(session.createdAt()), time(session.lastUsedAt()), time(session.expiresAt()), session.current());
        }
    }

    record IdentityRow(String provider, String subject, String email, String linked) {

        static IdentityRow of(LinkedIdentity identity) {
            return new IdentityRow(identity.provider(), identity.subject(), orDash(identity.email()),
                    time(identity.linkedAt()));
        }
    }

    record AuditRow(String time, String type, String userId, String actorId, String address, String device,
            String detail) {

        static AuditRow of(AuditEntry entry) {
            return new AuditRow(ConsoleViews.time(entry.occurredAt()), entry.type(),
                    entry.userId() == null ? "" : entry.userId().value().toString(),
                    entry.actorId() == null ? "" : entry.actorId().value().toString(),
                    orDash(entry.ipAddress()), orDash(entry.userAgent()),
                    entry.detail().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    static String name(User user) {
        String first = user.name().first() == null ? "" : user.name().first();
        String last = user.name().last() == null ? "" : user.name().last();
        String full = (first + " " + last).strip();
        return full.isEmpty() ? "—" : full;
    }

    /** The start of the newest live session: the last sign-in that still has a session. */
    static String lastLogin(List<SessionSummary> sessions) {
        Optional<Instant> newest = sessions.stream().map(SessionSummary::createdAt).max(Comparator.naturalOrder());
        return newest.map(ConsoleViews::time).orElse("—");
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
