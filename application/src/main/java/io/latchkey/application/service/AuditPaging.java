package io.latchkey.application.service;

import io.latchkey.application.usecase.AuditPage;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.audit.AuditFilter;
import io.latchkey.domain.port.AuditRepository;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Keyset paging over the audit trail: one entry more than the page is read to know whether another page follows. */
final class AuditPaging {

    private final AuditRepository audit;

    AuditPaging(AuditRepository audit) {
        this.audit = audit;
    }

    static @Nullable AuditCursor cursor(@Nullable String text, List<FieldViolation> violations) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return AuditCursor.parse(text).orElseGet(() -> {
            violations.add(new FieldViolation("cursor", "must be the next_cursor of a previous page"));
            return null;
        });
    }

    static void checkSize(int size, int max, List<FieldViolation> violations) {
        if (size < 1 || size > max) {
            violations.add(new FieldViolation("size", "must be between 1 and " + max));
        }
    }

    Mono<AuditPage> page(AuditFilter filter, @Nullable AuditCursor after, int size) {
        return audit.find(filter, after, size + 1).collectList().map(found -> {
            if (found.size() <= size) {
                return new AuditPage(found, null);
            }
            List<AuditEntry> page = found.subList(0, size);
            return new AuditPage(page, AuditCursor.after(page.get(size - 1)).encode());
        });
    }
}
