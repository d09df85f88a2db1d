package io.latchkey.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Latchkey: JWT authentication for horizontally scaled clusters. */
@SpringBootApplication(scanBasePackages = "io.latchkey")
@ConfigurationPropertiesScan("io.latchkey.bootstrap.config")
@EnableScheduling
public class LatchkeyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LatchkeyApplication.class, args);
    }
}
