package io.latchkey.bootstrap;

import io.latchkey.testsupport.TestInfrastructure;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import sun.misc.Signal;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs Latchkey locally on embedded PostgreSQL, Redis and Kafka with throw-away keys:
 * {@code ./mvnw -pl bootstrap -am test-compile spring-boot:test-run}. Ctrl-C stops the service, then the servers.
 */
public final class LocalLatchkey {

    private LocalLatchkey() {
    }

    public static void main(String[] args) {
        TestInfrastructure infrastructure = TestInfrastructure.unmanaged();
        infrastructure.properties().forEach(System::setProperty);
        System.setProperty("latchkey.token.signing.allow-ephemeral", "true");
        SpringApplication application = new SpringApplication(LatchkeyApplication.class);
        // One hook, in order: the service drains and closes first, then the servers it was using.
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context = application.run(args);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                context.close();
                infrastructure.close();
            }
        };
        // Ctrl-C and SIGTERM stop everything in order before the JVM's own shutdown hooks run: the embedded
        // Kafka broker's hook deletes its log directory and would otherwise race the broker's shutdown.
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                stop.run();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "latchkey-local-stop"));
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.printf("""

                Latchkey is running on http://localhost:%s (embedded PostgreSQL, Redis and Kafka).
                  curl -s http://localhost:%s/.well-known/jwks.json
                  curl -s -X POST http://localhost:%s/api/v1/accounts -H 'Content-Type: application/json' \\
                       -d '{"email":"ada@example.com","password":"correct horse battery staple"}'
                See README.md for the whole walk-through. Ctrl-C stops everything.
                %n""", port, port, port);
    }
}
