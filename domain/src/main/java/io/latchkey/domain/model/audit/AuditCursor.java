package io.latchkey.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a newest-first listing stopped: the last entry's time and id. The next page is the entries strictly before
 * it in (occurred_at, id) order, so paging costs the same on page 1000 as on page 1 and is not disturbed by entries
 * written meanwhile. Opaque to clients: {@code base64url("<epoch microseconds>.<uuid>")}.
 */
public record AuditCursor(Instant occurredAt, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_LENGTH = 128;

    public AuditCursor {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(id, "id");
        // PostgreSQL keeps microseconds: a cursor holds exactly what the row holds.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static AuditCursor after(AuditEntry entry) {
        return new AuditCursor(entry.occurredAt(), entry.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        return ENCODER.encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back, or empty when it is not one this service wrote. */
    public static Optional<AuditCursor> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int dot = decoded.indexOf('.');
            if (dot < 1) {
                return Optional.empty();
            }
            long micros = Long.parseLong(decoded.substring(0, dot));
            String uuid = decoded.substring(dot + 1);
            UUID id = UUID.fromString(uuid);
            if (!id.toString().equals(uuid)) {
                return Optional.empty();
            }
            return Optional.of(new AuditCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
