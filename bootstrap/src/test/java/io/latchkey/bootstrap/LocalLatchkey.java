package io.latchkey.bootstrap;

import io.latchkey.testsupport.MailTestServer;
import io.latchkey.testsupport.ReceivedMail;
import io.latchkey.testsupport.TestInfrastructure;
import java.util.List;
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
        System.setProperty("logging.level.com.icegreen.greenmail", "WARN");
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
        printMailsAsTheyArrive(infrastructure.mail());
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.printf("""

                Latchkey is running on http://localhost:%s (embedded PostgreSQL, Redis and Kafka).
                  curl -s http://localhost:%s/.well-known/jwks.json
                  curl -s -X POST http://localhost:%s/api/v1/accounts -H 'Content-Type: application/json' \\
                       -d '{"email":"ada@example.com","password":"correct horse battery staple"}'
                Mails (verification codes, reset tokens) go to an embedded SMTP server and are printed here.
                See README.md for the whole walk-through. Ctrl-C stops everything.
                %n""", port, port, port);
    }

    /** Local mode has no real mailbox: every mail the embedded SMTP server receives is printed to the console. */
    private static void printMailsAsTheyArrive(MailTestServer smtp) {
        Thread printer = new Thread(() -> {
            int printed = 0;
            while (!Thread.currentThread().isInterrupted()) {
                List<ReceivedMail> received = smtp.received();
                for (ReceivedMail mail : received.subList(Math.min(printed, received.size()), received.size())) {
                    System.out.printf("%n--- mail to %s: %s ---%n%s%n---%n", String.join(", ", mail.recipients()),
                            mail.subject(), mail.body().replace("\r", "").strip());
                }
                printed = Math.max(printed, received.size());
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "local-mail-printer");
        printer.setDaemon(true);
        printer.start();
    }
}
