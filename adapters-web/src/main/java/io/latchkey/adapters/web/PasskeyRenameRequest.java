package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A new name for a passkey. */
record PasskeyRenameRequest(@Schema(description = "At most 64 characters", example = "Phone") @Nullable String name) {
}
