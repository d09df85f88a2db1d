package io.latchkey.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id at Latchkey's default parameters (OWASP: m=19 MiB, t=2, p=1): the ceiling for login throughput. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmark {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private String hash;

    @Setup
    public void setUp() {
        hash = encoder.encode("correct horse battery staple");
    }

    @Benchmark
    public boolean verifyArgon2id() {
        return encoder.matches("correct horse battery staple", hash);
    }
}
