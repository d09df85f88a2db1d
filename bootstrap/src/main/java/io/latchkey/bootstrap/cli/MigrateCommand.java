package io.latchkey.bootstrap.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code migrate [--spring.property=value …]}: applies the Flyway migrations with the service's {@code spring.flyway.*}
 * settings (application.yaml, environment, arguments) and exits, starting nothing else: no server, no Redis, Kafka or
 * R2DBC connection. The chart runs it in an init container, the only one holding the migration user's credentials.
 */
public final class MigrateCommand {

    static final int OK = 0;
    static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;

    MigrateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the command line asks for this command rather than the service. */
    public static boolean matches(String[] args) {
        return args.length > 0 && args[0].equals("migrate");
    }

    /** Runs the command with the process's console and ends the process with its exit code. */
    public static void runAndExit(String[] args) {
        System.exit(new MigrateCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
    }

    int run(String[] springArgs) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MigrationOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(springArgs)) {
            Flyway flyway = context.getBeanProvider(Flyway.class).getIfAvailable();
            if (flyway == null) {
                err.println("migrate: Flyway is not configured (spring.flyway.enabled=false, or no spring.flyway.url)");
                return FAILED;
            }
            // The auto-configured initializer migrated while the context started (a failure would have thrown).
            MigrationInfo current = flyway.info().current();
            out.println("migrate: schema at version " + (current == null ? "none" : current.getVersion())
                    + "; nothing pending");
            return OK;
        } catch (RuntimeException e) {
            err.println("migrate failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** Only Flyway (with its own JDBC connection from spring.flyway.url); not picked up by the service's scan. */
    @ImportAutoConfiguration(FlywayAutoConfiguration.class)
    static final class MigrationOnly {
    }
}
