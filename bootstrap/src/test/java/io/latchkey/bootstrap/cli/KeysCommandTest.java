package io.latchkey.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.latchkey.adapters.web.security.RefreshTokenSecret;
import io.latchkey.adapters.web.security.SigningKeyRing;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void givenAddTo_itWritesTheSetPlusANewKeyElsewhereAndPointsAtTheCurrentRefreshSecret() throws Exception {
        run("generate", "--out", dir.toString(), "--kid", "2026-01");
        String before = Files.readString(dir.resolve("jwks.json"));
        Path rotated = dir.resolve("rotated");
        out.reset();

        assertThat(run("generate", "--kid", "2026-02", "--add-to", dir.resolve("jwks.json").toString(),
                "--out", rotated.toString())).isEqualTo(KeysCommand.OK);

        JWKSet set = JWKSet.parse(Files.readString(rotated.resolve("jwks.json")));
        assertThat(set.getKeys()).extracting(JWK::getKeyID).containsExactly("2026-01", "2026-02");
        SigningKeyRing.fromJwkSet(set.toString(false), "2026-02");
        assertThat(rotated.resolve("refresh-secret")).doesNotExist();
        assertThat(Files.readString(dir.resolve("jwks.json"))).isEqualTo(before);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--from-file=refresh-secret=" + dir.resolve("refresh-secret"))
                .doesNotContain(rotated.resolve("refresh-secret").toString());
        assertThat(run("generate", "--kid", "2026-03", "--add-to", rotated.resolve("jwks.json").toString(),
                "--out", dir.resolve("again").toString())).isEqualTo(KeysCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no refresh secret beside the input: none is named")
                .contains("<the refresh-secret file you use today>")
                .doesNotContain("again/refresh-secret");
        assertThat(run("generate", "--kid", "2026-02", "--add-to", rotated.resolve("jwks.json").toString(),
                "--out", dir.resolve("other").toString())).as("a kid already in the set").isEqualTo(KeysCommand.FAILED);
        assertThat(dir.resolve("other").resolve("jwks.json")).doesNotExist();
    }

    @Test
    void givenAddToTheOutputFile_itRefusesToReplaceIt() throws Exception {
        run("generate", "--out", dir.toString());
        String before = Files.readString(dir.resolve("jwks.json"));

        assertThat(run("generate", "--kid", "next", "--add-to", dir.resolve("jwks.json").toString(), "--out", dir.toString()))
                .isEqualTo(KeysCommand.FAILED);
        assertThat(Files.readString(dir.resolve("jwks.json"))).isEqualTo(before);
    }

    @Test
    void givenOnlyTheRefreshSecretExists_itWritesNoKeySetEither() throws Exception {
        Files.writeString(dir.resolve("refresh-secret"), "kept");

        assertThat(run("generate", "--out", dir.toString())).isEqualTo(KeysCommand.FAILED);
        assertThat(dir.resolve("jwks.json")).as("no key set without its refresh secret").doesNotExist();
        assertThat(Files.readString(dir.resolve("refresh-secret"))).isEqualTo("kept");
    }

    @Test
    void givenAFileThatAppearsAfterTheCheck_publishingFailsAndLeavesIt() throws Exception {
        Path target = dir.resolve("jwks.json");
        Files.writeString(target, "someone else's");

        assertThatThrownBy(() -> KeysCommand.publish(target, "ours")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("someone else's");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(target);
        }
    }

    @Test
    void givenConcurrentRunsIntoOneDirectory_exactlyOneWinsAndItsPairIsWhatIsOnDisk() throws Exception {
        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String kid = "k" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return new KeysCommand(new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()))
                            .run(List.of("generate", "--out", dir.toString(), "--kid", kid));
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                if (results.get(i).get(60, TimeUnit.SECONDS) == KeysCommand.OK) {
                    winners.add("k" + i);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(JWKSet.parse(Files.readString(dir.resolve("jwks.json"))).getKeys()).extracting(JWK::getKeyID)
                    .containsExactly(winners.get(0));
            assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve("refresh-secret")))).hasSize(32);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenASetWithAKeyTheParserWouldDrop_rotationRefusesIt() throws Exception {
        run("generate", "--out", dir.toString(), "--kid", "old");
        String set = Files.readString(dir.resolve("jwks.json"));
        Path withUnknown = dir.resolve("with-unknown.json");
        Files.writeString(withUnknown, set.replaceFirst("\\[", "[{\"kty\":\"XYZ\",\"kid\":\"future\"},"));
        assertThat(JWKSet.parse(Files.readString(withUnknown)).getKeys()).as("the parser skips the unknown type").hasSize(1);

        assertThat(run("generate", "--kid", "new", "--add-to", withUnknown.toString(), "--out", dir.resolve("rotated").toString()))
                .isEqualTo(KeysCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lists 2 key(s) of which only 1 could be read");
        assertThat(dir.resolve("rotated").resolve("jwks.json")).doesNotExist();
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
