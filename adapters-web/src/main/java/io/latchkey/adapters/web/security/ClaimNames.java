package io.latchkey.adapters.web.security;

/** Private claim names Latchkey puts into access tokens beside the registered ones. */
final class ClaimNames {

    static final String SESSION_ID = "sid";
    static final String ROLES = "roles";
    static final String EPOCH = "epoch";
    /** RFC 9068 §2.2: the client the token was issued to. */
    static final String CLIENT_ID = "client_id";

    private ClaimNames() {
    }
}
