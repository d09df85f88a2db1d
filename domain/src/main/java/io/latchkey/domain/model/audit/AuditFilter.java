package io.latchkey.domain.model.audit;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which entries a listing wants: one account's, of some types, in {@code [from, to)}; each part optional. */
public record AuditFilter(@Nullable UserId userId, Set<String> types, @Nullable Instant from, @Nullable Instant to) {

    public AuditFilter {
        types = Set.copyOf(types);
    }
}
