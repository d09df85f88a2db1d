package io.latchkey.application.service;

import io.latchkey.application.usecase.ListUsersCommand;
import io.latchkey.application.usecase.ListUsersUseCase;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.user.UserPage;
import io.latchkey.domain.port.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/** Lists accounts for an administrator, optionally those whose email contains a fragment. */
public final class ListUsersService implements ListUsersUseCase {

    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_QUERY_LENGTH = 254;

    private final UserRepository users;

    public ListUsersService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<UserPage> list(ListUsersCommand command) {
        return Mono.defer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            if (command.page() < 0) {
                violations.add(new FieldViolation("page", "must be 0 or more"));
            }
            if (command.size() < 1 || command.size() > MAX_PAGE_SIZE) {
                violations.add(new FieldViolation("size", "must be between 1 and " + MAX_PAGE_SIZE));
            }
            String query = command.query() == null ? "" : command.query().strip();
            if (query.length() > MAX_QUERY_LENGTH) {
                violations.add(new FieldViolation("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
            }
            if (!violations.isEmpty()) {
                return Mono.error(new InvalidInputException(violations));
            }
            // Emails are stored case-folded, so the fragment is folded the same way.
            String folded = query.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            return users.search(folded, command.page(), command.size());
        });
    }
}
