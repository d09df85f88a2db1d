package io.latchkey.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CPU figures quoted in docs/keys.md and docs/operations.md are the ones measured in bench/RESULTS.md. */
class PerformanceFiguresTest {

    private static String read(String... path) throws IOException {
        return Files.readString(Path.of("..", path));
    }

    private static String firstGroup(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("bench/RESULTS.md matches %s", regex).isTrue();
        return matcher.group(1);
    }

    @Test
    void givenTheBenchmarkResults_theDocsQuoteThemAndLinkThem() throws IOException {
        String results = read("bench", "RESULTS.md");
        String rs256Sign = firstGroup(results, "\\*\\*RS256\\*\\* \\(RSA-2048, JDK\\) \\| (\\d+) ±");
        String rs256Verify = firstGroup(results, "\\*\\*RS256\\*\\* \\(RSA-2048, JDK\\) \\| \\d+ ± \\d+ \\| \\*\\*([\\d.]+) ±");
        String argon2 = firstGroup(results, "Argon2id verify, [^|]*\\| ([\\d.]+) ±");

        String keys = read("docs", "keys.md");
        String operations = read("docs", "operations.md");
        for (String doc : new String[] {keys, operations}) {
            assertThat(doc).contains(rs256Sign + " µs", argon2 + " ms", "](../bench/RESULTS.md)");
        }
        assertThat(keys).contains(Math.round(Double.parseDouble(rs256Verify)) + " µs");
        assertThat(operations).contains(Math.round(Double.parseDouble(rs256Verify)) + " µs");
        assertThat(keys + operations).doesNotContain("about 50 ms", "about 2 ms", "about 27 ms", "about 40 µs");
    }

    @Test
    void givenTheStarterPropagationBench_theReadmeQuotesItsP99() throws IOException {
        String results = read("bench", "RESULTS.md");
        String p99 = firstGroup(results, "\\| 1 \\| 200 \\| [\\d.]+ ms \\| ([\\d.]+) ms \\|");
        assertThat(read("README.md")).contains("p99 " + p99 + " ms here, [bench/RESULTS.md](bench/RESULTS.md)");
    }
}
