package io.latchkey.application.service;

import io.latchkey.application.usecase.AuditPage;
import io.latchkey.application.usecase.ListAuditEventsQuery;
import io.latchkey.application.usecase.ListAuditEventsUseCase;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditFilter;
import io.latchkey.domain.model.audit.AuditTypes;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AuditRepository;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Lists the audit trail for an administrator; every filter is checked before anything is read. */
public final class ListAuditEventsService implements ListAuditEventsUseCase {

    private static final int MAX_TYPE_LENGTH = 100;

    private final AuditPaging paging;

    public ListAuditEventsService(AuditRepository audit) {
        this.paging = new AuditPaging(audit);
    }

    @Override
    public Mono<AuditPage> list(ListAuditEventsQuery query) {
        return Mono.defer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            UserId user = parsed(query.userId(), "user", UserId::parse, "must be an account id (a UUID)", violations);
            String type = blankToNull(query.type());
            if (type != null && (type.length() > MAX_TYPE_LENGTH || !AuditTypes.wellFormed(type))) {
                violations.add(new FieldViolation("type", "must be an audit type such as session.started or login.failed"));
            }
            Instant from = parsed(query.from(), "from", Instant::parse, "must be an ISO-8601 instant", violations);
            Instant to = parsed(query.to(), "to", Instant::parse, "must be an ISO-8601 instant", violations);
            if (from != null && to != null && !from.isBefore(to)) {
                violations.add(new FieldViolation("from", "must be before to"));
            }
            AuditCursor after = AuditPaging.cursor(query.cursor(), violations);
            AuditPaging.checkSize(query.size(), ListAuditEventsQuery.MAX_SIZE, violations);
            if (!violations.isEmpty()) {
                return Mono.error(new InvalidInputException(violations));
            }
            Set<String> types = type == null ? Set.of() : Set.of(type);
            return paging.page(new AuditFilter(user, types, from, to), after, query.size());
        });
    }

    private static <T> @Nullable T parsed(@Nullable String raw, String field, Function<String, T> parser, String rule,
            List<FieldViolation> violations) {
        String text = blankToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            violations.add(new FieldViolation(field, rule));
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
