package io.latchkey.bootstrap;

import io.latchkey.bootstrap.cli.KeysCommand;
import io.latchkey.bootstrap.cli.MigrateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Latchkey: JWT authentication for horizontally scaled clusters. */
@SpringBootApplication(scanBasePackages = "io.latchkey")
@ConfigurationPropertiesScan("io.latchkey.bootstrap.config")
@EnableScheduling
public class LatchkeyApplication {

    /**
     * Starts the service; with {@code keys generate …} writes key material and exits (see docs/keys.md); with
     * {@code migrate} applies the database migrations and exits (docs/operations.md).
     */
    public static void main(String[] args) {
        if (KeysCommand.matches(args)) {
            KeysCommand.runAndExit(args);
            return;
        }
        if (MigrateCommand.matches(args)) {
            MigrateCommand.runAndExit(args);
            return;
        }
        SpringApplication.run(LatchkeyApplication.class, args);
    }
}
