package io.latchkey.bootstrap.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.latchkey.testsupport.TestInfrastructure;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * For bench/run.sh: starts PostgreSQL, Redis and Kafka on loopback, writes the properties that point the
 * service jar at them (with key material shared by every instance the script starts) to {@code args[0]},
 * and keeps the servers up until the process is stopped. It also creates an empty {@code keycloak} database for the
 * Keycloak peer run ({@code bench.peer.*}).
 */
public final class BenchInfrastructure {

    private BenchInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.unmanaged();
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "bench-infrastructure-stop"));
        Properties properties = new Properties();
        properties.putAll(infrastructure.properties());
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        properties.setProperty("latchkey.token.signing.jwk-set", new JWKSet(key).toString(false));
        properties.setProperty("latchkey.token.signing.active-kid", "bench");
        properties.setProperty("latchkey.token.signing.refresh-secret", Base64.getEncoder().encodeToString(secret));
        // The Keycloak peer (bench/keycloak.sh) runs on a database of its own on the same PostgreSQL server.
        String peerUrl = infrastructure.isolatedDatabase("keycloak").get("spring.flyway.url");
        properties.setProperty("bench.peer.jdbc-url", peerUrl);
        properties.setProperty("bench.peer.username", infrastructure.databaseUser());
        properties.setProperty("bench.peer.password", infrastructure.databasePassword());
        Path target = Path.of(args[0]);
        Path partial = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(partial)) {
            properties.store(out, "written by BenchInfrastructure");
        }
        Files.move(partial, target);
        new CountDownLatch(1).await();
    }
}
