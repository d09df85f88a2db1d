package io.latchkey.bootstrap;

import io.latchkey.testsupport.TestInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * Runs Latchkey locally on embedded PostgreSQL, Redis and Kafka with throw-away keys:
 * {@code ./mvnw -pl bootstrap -am test-compile spring-boot:test-run}. Ctrl-C stops the service and the servers.
 */
public final class LocalLatchkey {

    private LocalLatchkey() {
    }

    public static void main(String[] args) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.properties().forEach(System::setProperty);
        System.setProperty("latchkey.token.signing.allow-ephemeral", "true");
        SpringApplication.from(LatchkeyApplication::main).run(args);
        System.out.println("""

                Latchkey is running on http://localhost:8080 (embedded PostgreSQL, Redis and Kafka).
                  curl -s http://localhost:8080/.well-known/jwks.json
                  curl -s -X POST http://localhost:8080/api/v1/accounts -H 'Content-Type: application/json' \\
                       -d '{"email":"ada@example.com","password":"correct horse battery staple"}'
                See README.md for the whole walk-through. Ctrl-C stops everything.
                """);
    }
}
