package io.latchkey.application.usecase;

import io.latchkey.domain.model.audit.AuditEntry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of audit entries, newest first; {@code nextCursor} fetches the next page, absent on the last one. */
public record AuditPage(List<AuditEntry> entries, @Nullable String nextCursor) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
