package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The signed-in caller, the previous page's cursor (absent for the first page) and the page size (1 to 100). */
public record ListMyActivityQuery(UserId caller, @Nullable String cursor, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public ListMyActivityQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
