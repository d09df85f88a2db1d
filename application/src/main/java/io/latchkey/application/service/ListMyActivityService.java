package io.latchkey.application.service;

import io.latchkey.application.usecase.AuditPage;
import io.latchkey.application.usecase.ListMyActivityQuery;
import io.latchkey.application.usecase.ListMyActivityUseCase;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditFilter;
import io.latchkey.domain.model.audit.AuditTypes;
import io.latchkey.domain.port.AuditRepository;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** The caller's own security activity: only entries about their account, only the kinds a user cares about. */
public final class ListMyActivityService implements ListMyActivityUseCase {

    private final AuditPaging paging;

    public ListMyActivityService(AuditRepository audit) {
        this.paging = new AuditPaging(audit);
    }

    @Override
    public Mono<AuditPage> list(ListMyActivityQuery query) {
        return Mono.defer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            AuditCursor after = AuditPaging.cursor(query.cursor(), violations);
            AuditPaging.checkSize(query.size(), ListMyActivityQuery.MAX_SIZE, violations);
            if (!violations.isEmpty()) {
                return Mono.error(new InvalidInputException(violations));
            }
            return paging.page(new AuditFilter(query.caller(), AuditTypes.OWN_ACTIVITY, null, null), after, query.size());
        });
    }
}
