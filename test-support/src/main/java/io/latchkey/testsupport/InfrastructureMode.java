package io.latchkey.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * How servers are provided: Testcontainers where a Docker engine answers, embedded binaries otherwise; CLUSTER is
 * embedded with clustered engines: a Redis Cluster of three masters and three replicas, three Kafka brokers.
 */
enum InfrastructureMode {
    EMBEDDED,
    TESTCONTAINERS,
    CLUSTER;

    /** LATCHKEY_TEST_INFRA=embedded|testcontainers|cluster forces a mode; otherwise Docker is probed, cheaply first. */
    static InfrastructureMode detect() {
        String forced = System.getenv("LATCHKEY_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return valueOf(forced.strip().toUpperCase(Locale.ROOT));
        }
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"));
        if (dockerConfigured && DockerClientFactory.instance().isDockerAvailable()) {
            return TESTCONTAINERS;
        }
        return EMBEDDED;
    }
}
