package io.latchkey.adapters.web.security;

/** Private claim names Latchkey puts into access tokens beside the registered ones. */
final class ClaimNames {

    static final String SESSION_ID = "sid";
    static final String ROLES = "roles";
    static final String EPOCH = "epoch";
    /** RFC 9068 §2.2: the client the token was issued to. */
    static final String CLIENT_ID = "client_id";
    /** RFC 8176 authentication method references (plus {@code fed} for an external identity provider). */
    static final String AMR = "amr";
    /** OIDC Core: when the user last authenticated, a NumericDate. */
    static final String AUTH_TIME = "auth_time";
    /** The external identity provider of a federated sign-in; absent otherwise. */
    static final String IDP = "idp";

    private ClaimNames() {
    }
}
