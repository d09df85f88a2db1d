package io.latchkey.bootstrap;

import io.latchkey.testsupport.MailPrinter;
import io.latchkey.testsupport.OidcTestServer;
import io.latchkey.testsupport.TestInfrastructure;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Runs Latchkey locally on embedded PostgreSQL, Redis and Kafka with throw-away keys:
 * {@code ./mvnw -pl bootstrap -am spring-boot:test-run}. Ctrl-C stops the service, then the servers; a start that
 * fails stops the servers and exits with status 1.
 */
public final class LocalLatchkey {

    /** Exit status after Ctrl-C; the Spring Boot Maven plugin counts it as a normal end. */
    static final int INTERRUPTED = 130;
    static final int TERMINATED = 143;
    static final int FAILED = 1;
    static final String DEV_PROVIDER = "dev";
    static final String DEV_APP_REDIRECT = "http://localhost:3000/signed-in";

    private final TestInfrastructure infrastructure = TestInfrastructure.unmanaged();
    private @Nullable ConfigurableApplicationContext context;
    private boolean stopped;
    private int exitStatus = -1;

    private LocalLatchkey() {
    }

    public static void main(String[] args) {
        LocalLatchkey run = new LocalLatchkey();
        run.stopOn("INT", INTERRUPTED);
        run.stopOn("TERM", TERMINATED);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "latchkey-local-stop"));
        try {
            run.start(args);
        } catch (RuntimeException failure) {
            // Spring Boot has already reported why (APPLICATION FAILED TO START); what is left is to stop what
            // was started, or the servers' threads would keep this process, and the build, running forever.
            run.stop();
            System.err.println("Latchkey did not start (see above); the embedded servers are stopped.");
            run.exit(FAILED);
        }
    }

    private void start(String[] args) {
        startInfrastructureQuietly().forEach(System::setProperty);
        System.setProperty("latchkey.token.signing.allow-ephemeral", "true");
        infrastructure.mail().onArrival(new MailPrinter(System.out));
        // A "dev" identity provider that signs in one fixed user at once, for the federated sign-in walkthrough.
        infrastructure.oidc().providerProperties(DEV_PROVIDER, OidcTestServer.DEV, DEV_APP_REDIRECT)
                .forEach(System::setProperty);
        SpringApplication application = new SpringApplication(LatchkeyApplication.class);
        application.setAdditionalProfiles("local");
        // One stop, in order: the service drains and closes first, then the servers it was using.
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext started = application.run(args);
        synchronized (this) {
            context = started;
            if (stopped) {
                started.close();
                return;
            }
        }
        String port = started.getEnvironment().getProperty("local.server.port", "8080");
        System.out.printf("""

                Latchkey is running on http://localhost:%s (embedded PostgreSQL, Redis, Kafka and SMTP).
                  OpenAPI: http://localhost:%s/v3/api-docs   Swagger UI: http://localhost:%s/swagger-ui.html
                  JWKS:    http://localhost:%s/.well-known/jwks.json
                  Console: http://localhost:%s/admin (sign in as LATCHKEY_ADMIN_EMAIL, see README.md)
                Mails (verification codes, reset tokens) are printed here as they arrive.
                  Identity provider "dev" (signs in %s at once; app redirect URI %s).
                Walk-through: sh docs/walkthrough.sh (see README.md). Ctrl-C stops everything.
                %n""", port, port, port, port, port, OidcTestServer.DEV_EMAIL, DEV_APP_REDIRECT);
    }

    /**
     * The in-process Kafka broker prints its storage formatting straight to standard output and logs its first
     * start as warnings; none of it helps a user, and errors still reach the log and the exception. Spring Boot
     * sets the levels again from application-local.yaml when the service starts.
     */
    private Map<String, String> startInfrastructureQuietly() {
        LoggingSystem logging = LoggingSystem.get(LocalLatchkey.class.getClassLoader());
        logging.setLogLevel("org.apache.kafka", LogLevel.ERROR);
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return infrastructure.properties();
        } catch (RuntimeException e) {
            System.err.println("Could not start the embedded servers: " + e);
            throw e;
        } finally {
            System.setOut(console);
        }
    }

    private void stopOn(String signal, int status) {
        // The stop runs in a non-daemon thread: signal handler threads are daemons, and once the service and the
        // servers have stopped, the JVM would otherwise end with status 0 before the handler reaches exit().
        Signal.handle(new Signal(signal), received -> Thread.ofPlatform().name("latchkey-local-" + signal)
                .daemon(false).start(() -> {
                    stop();
                    exit(status);
                }));
    }

    /**
     * Stops the service, then the servers. A second signal while this runs (the Maven plugin sends SIGTERM when
     * Ctrl-C has not ended the process within 5 s) waits here instead of exiting halfway through.
     */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (context != null) {
            System.out.println("Stopping Latchkey...");
            context.close();
        }
        System.out.println("Stopping PostgreSQL, Redis, Kafka and the SMTP server...");
        infrastructure.close();
        System.out.println("Stopped.");
    }

    /** The first reason to exit decides the status, whichever thread gets to System.exit first. */
    private void exit(int status) {
        int decided;
        synchronized (this) {
            if (exitStatus < 0) {
                exitStatus = status;
            }
            decided = exitStatus;
        }
        System.exit(decided);
    }
}
