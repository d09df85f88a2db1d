package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/**
 * An audit listing as asked for, every part optional and checked by the use case: {@code userId} a canonical UUID,
 * {@code type} one type ({@code session.started}, {@code login.failed}, …), {@code from} (inclusive) and {@code to}
 * (exclusive) ISO-8601 instants, {@code cursor} the {@link AuditPage#nextCursor()} of the previous page, {@code size}
 * 1 to {@link #MAX_SIZE}.
 */
public record ListAuditEventsQuery(@Nullable String userId, @Nullable String type, @Nullable String from,
        @Nullable String to, @Nullable String cursor, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The first page of everything, of the default size. */
    public static ListAuditEventsQuery newest() {
        return new ListAuditEventsQuery(null, null, null, null, null, DEFAULT_SIZE);
    }
}
