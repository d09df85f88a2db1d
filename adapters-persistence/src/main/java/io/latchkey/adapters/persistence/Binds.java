package io.latchkey.adapters.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binding values that may be absent, which R2DBC insists be bound as typed nulls. */
final class Binds {

    private Binds() {
    }

    static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
