package io.latchkey.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.latchkey.adapters.web.security.RefreshTokenSecret;
import io.latchkey.adapters.web.security.SigningKeyRing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys generate} writes key material in the formats the service reads, and never overwrites any. */
class KeysCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    @Test
    void givenDefaults_itWritesAKeySetWithTheChartsDefaultKidAndARefreshSecret() throws Exception {
        assertThat(run("generate", "--out", dir.toString())).isEqualTo(KeysCommand.OK);

        String jwks = Files.readString(dir.resolve("jwks.json"));
        SigningKeyRing ring = SigningKeyRing.fromJwkSet(jwks, "signing-key-1");
        assertThat(ring.activeKey().size()).isEqualTo(2048);
        assertThat(ring.activeKey().getAlgorithm().getName()).isEqualTo("RS256");
        String secret = Files.readString(dir.resolve("refresh-secret"));
        assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
        assertThat(RefreshTokenSecret.fromBase64(secret).bytes()).hasSize(32);
        assertThat(Files.getPosixFilePermissions(dir.resolve("jwks.json"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--set keys.activeKid=signing-key-1",
                "--from-file=jwks.json=" + dir.resolve("jwks.json"));
    }

    @Test
    void givenExistingFiles_itRefusesToOverwriteThem() throws Exception {
        assertThat(run("generate", "--out", dir.toString())).isEqualTo(KeysCommand.OK);
        String before = Files.readString(dir.resolve("jwks.json"));

        assertThat(run("generate", "--out", dir.toString(), "--kid", "other")).isEqualTo(KeysCommand.FAILED);
        assertThat(Files.readString(dir.resolve("jwks.json"))).isEqualTo(before);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists");
    }

    @Test
    void givenAddTo_itAddsANewKeyToTheSetAndKeepsTheRefreshSecret() throws Exception {
        run("generate", "--out", dir.toString(), "--kid", "2026-01");
        String secret = Files.readString(dir.resolve("refresh-secret"));

        assertThat(run("generate", "--kid", "2026-02", "--add-to", dir.resolve("jwks.json").toString(),
                "--out", dir.toString())).isEqualTo(KeysCommand.OK);

        JWKSet set = JWKSet.parse(Files.readString(dir.resolve("jwks.json")));
        assertThat(set.getKeys()).extracting(JWK::getKeyID).containsExactly("2026-01", "2026-02");
        SigningKeyRing.fromJwkSet(set.toString(false), "2026-02");
        assertThat(Files.readString(dir.resolve("refresh-secret"))).isEqualTo(secret);
        assertThat(run("generate", "--kid", "2026-02", "--add-to", dir.resolve("jwks.json").toString(),
                "--out", dir.toString())).as("a kid already in the set").isEqualTo(KeysCommand.FAILED);
    }

    @Test
    void givenBadArguments_itPrintsUsageAndWritesNothing() throws Exception {
        assertThat(run()).isEqualTo(KeysCommand.USAGE);
        assertThat(run("generate", "--kid")).isEqualTo(KeysCommand.USAGE);
        assertThat(run("generate", "--kid", "a b", "--out", dir.toString())).isEqualTo(KeysCommand.USAGE);
        assertThat(run("generate", "--size", "4096")).isEqualTo(KeysCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: keys generate");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void givenArguments_onlyKeysIsTheCommand() {
        assertThat(KeysCommand.matches(new String[] {"keys", "generate"})).isTrue();
        assertThat(KeysCommand.matches(new String[] {"--server.port=8080"})).isFalse();
        assertThat(KeysCommand.matches(new String[0])).isFalse();
    }
}
