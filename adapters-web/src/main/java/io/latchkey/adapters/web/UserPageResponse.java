package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserPage;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** One page of the admin user listing. */
record UserPageResponse(List<Item> items, int page, int size, long total) {

    /** An account as an administrator sees it: with its status, never with its password hash. */
    record Item(
            String id,
            String email,
            @JsonProperty("first_name") @Nullable String firstName,
            @JsonProperty("last_name") @Nullable String lastName,
            @JsonProperty("email_verified") boolean emailVerified,
            List<String> roles,
            String status,
            @JsonProperty("created_at") Instant createdAt) {

        static Item from(User user) {
            return new Item(user.id().toString(), user.email().value(), user.name().first(), user.name().last(),
                    user.emailVerified(), List.copyOf(new TreeSet<>(user.roles())), user.status().name(),
                    user.createdAt());
        }
    }

    static UserPageResponse from(UserPage page) {
        return new UserPageResponse(page.users().stream().map(Item::from).toList(), page.page(), page.size(),
                page.total());
    }
}
