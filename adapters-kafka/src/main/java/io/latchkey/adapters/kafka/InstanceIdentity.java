package io.latchkey.adapters.kafka;

import java.util.Objects;

/** Which instance this is; names its private near-cache consumer group. */
public record InstanceIdentity(String id) {

    public InstanceIdentity {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("instance id must be 1-100 of [A-Za-z0-9._-]");
        }
    }

    public String nearCacheGroup() {
        return "latchkey-near-" + id;
    }
}
