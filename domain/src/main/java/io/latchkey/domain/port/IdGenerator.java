package io.latchkey.domain.port;

import java.util.UUID;

/** Time-ordered unique ids (UUIDv7) for accounts, sessions, tokens and events. */
public interface IdGenerator {

    UUID newId();
}
