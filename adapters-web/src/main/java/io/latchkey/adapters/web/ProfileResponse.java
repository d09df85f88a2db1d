package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.model.user.UserProfile;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** An account as its owner sees it; there is no password field to leak. */
record ProfileResponse(
        String id,
        String email,
        @JsonProperty("first_name") @Nullable String firstName,
        @JsonProperty("last_name") @Nullable String lastName,
        @JsonProperty("email_verified") boolean emailVerified,
        List<String> roles,
        @JsonProperty("created_at") Instant createdAt) {

    static ProfileResponse from(UserProfile profile) {
        return new ProfileResponse(profile.id().toString(), profile.email().value(), profile.name().first(),
                profile.name().last(), profile.emailVerified(), List.copyOf(new TreeSet<>(profile.roles())),
                profile.createdAt());
    }
}
