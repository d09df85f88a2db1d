package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.session.AuthMethod;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The {@code amr} list of an event body: wire values in the same stable order as the access-token claim. */
final class SessionAuthenticationWire {

    private SessionAuthenticationWire() {
    }

    static List<String> amr(Collection<AuthMethod> methods) {
        return methods.stream().sorted(Comparator.naturalOrder()).map(AuthMethod::wireValue).toList();
    }
}
