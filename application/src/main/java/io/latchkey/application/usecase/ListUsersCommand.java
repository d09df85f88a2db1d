package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** An optional email fragment to search for, and the page wanted (0-based) of a given size. */
public record ListUsersCommand(@Nullable String query, int page, int size) {
}
