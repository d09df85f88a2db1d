package io.latchkey.adapters.web.security;

/**
 * The one {@link PasswordCheckAdmission} of this instance, held in a record rather than exposed as a filter bean, so
 * WebFlux does not also run it as a global filter; each security chain that serves a password operation adds it.
 */
public record PasswordAdmission(PasswordCheckAdmission filter) {
}
