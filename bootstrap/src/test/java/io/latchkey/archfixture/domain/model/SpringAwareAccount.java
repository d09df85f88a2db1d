package io.latchkey.archfixture.domain.model;

import org.springframework.stereotype.Component;

/** A deliberate violation: a domain class that knows Spring. Only {@code ArchitectureRulesBiteTest} looks here. */
@Component
public class SpringAwareAccount {

    private String name = "broken";

    public String name() {
        return name + java.time.Instant.now();
    }
}
