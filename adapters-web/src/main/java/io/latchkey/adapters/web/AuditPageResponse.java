package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.AuditPage;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of audit entries, newest first; {@code next_cursor} (absent on the last page) is passed back as
 * {@code cursor} for the next one.
 */
record AuditPageResponse(List<Item> items, @JsonProperty("next_cursor") @Nullable String nextCursor) {

    /**
     * One entry; {@code actor_id} is the administrator who acted on the account, when one did. In the caller's own
     * activity that administrator is named only as {@value #BY_ADMINISTRATOR}, without their address or user agent.
     */
    record Item(
            String id,
            @JsonProperty("occurred_at") Instant occurredAt,
            String type,
            @JsonProperty("user_id") @Nullable String userId,
            @JsonProperty("actor_id") @Nullable String actorId,
            @JsonProperty("session_id") @Nullable String sessionId,
            @JsonProperty("ip_address") @Nullable String ipAddress,
            @JsonProperty("user_agent") @Nullable String userAgent,
            Map<String, Object> detail) {

        static Item from(AuditEntry entry) {
            return new Item(entry.id().toString(), entry.occurredAt(), entry.type(), text(entry.userId()),
                    text(entry.actorId()), text(entry.sessionId()), entry.ipAddress(), entry.userAgent(),
                    entry.detail());
        }

        /** The entry as its own user sees it: an administrator's id, address and user agent are theirs, not shown. */
        static Item forOwner(AuditEntry entry, UserId owner) {
            if (entry.actorId() == null || entry.actorId().equals(owner)) {
                return from(entry);
            }
            return new Item(entry.id().toString(), entry.occurredAt(), entry.type(), text(entry.userId()),
                    BY_ADMINISTRATOR, text(entry.sessionId()), null, null, entry.detail());
        }

        private static @Nullable String text(@Nullable UserId id) {
            return id == null ? null : id.toString();
        }

        private static @Nullable String text(@Nullable SessionId id) {
            return id == null ? null : id.toString();
        }
    }

    static final String BY_ADMINISTRATOR = "administrator";

    static AuditPageResponse forOwner(AuditPage page, UserId owner) {
        return new AuditPageResponse(page.entries().stream().map(entry -> Item.forOwner(entry, owner)).toList(),
                page.nextCursor());
    }

    static AuditPageResponse from(AuditPage page) {
        return new AuditPageResponse(page.entries().stream().map(Item::from).toList(), page.nextCursor());
    }
}
