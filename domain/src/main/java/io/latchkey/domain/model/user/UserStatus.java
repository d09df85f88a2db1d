package io.latchkey.domain.model.user;

/** Whether an account may authenticate. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}
