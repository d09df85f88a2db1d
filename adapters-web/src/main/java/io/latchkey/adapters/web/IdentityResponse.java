package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.model.federation.LinkedIdentity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A linked external identity: the provider's id, its subject, the address it shared, and when it was linked. */
record IdentityResponse(@JsonProperty("provider") String provider, @JsonProperty("subject") String subject,
        @JsonProperty("email") @Nullable String email, @JsonProperty("linked_at") Instant linkedAt) {

    static IdentityResponse from(LinkedIdentity identity) {
        return new IdentityResponse(identity.provider(), identity.subject(), identity.email(), identity.linkedAt());
    }
}
