package io.latchkey.adapters.web.security;

/** Private claim names Latchkey puts into access tokens beside the registered ones. */
final class ClaimNames {

    static final String SESSION_ID = "sid";
    static final String ROLES = "roles";
    static final String EPOCH = "epoch";

    private ClaimNames() {
    }
}
