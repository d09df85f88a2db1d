package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.auth.AuthenticatedCaller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request whose bearer token and session both checked out; roles become {@code ROLE_*} authorities. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedCaller caller;

    CallerAuthentication(AuthenticatedCaller caller) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AuthenticatedCaller getPrincipal() {
        return caller;
    }

}
