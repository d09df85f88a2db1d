package io.latchkey.bench;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The same Argon2id verification (m=19 MiB, t=2, p=1) of the same PHC string through the Java implementation
 * Latchkey uses (BouncyCastle via Spring Security: 19 MiB of heap per hash) and through the reference C library
 * (argon2-jvm over JNA: the memory is native). Both read the PHC string the other writes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Argon2ImplementationsBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final Argon2 reference = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
    private String hash;

    @Setup
    public void setUp() {
        hash = bouncyCastle.encode(PASSWORD);
        if (!reference.verify(hash, PASSWORD.toCharArray())) {
            throw new IllegalStateException("the reference library does not accept Spring's PHC string");
        }
        if (!bouncyCastle.matches(PASSWORD, reference.hash(2, 19 * 1024, 1, PASSWORD.toCharArray()))) {
            throw new IllegalStateException("Spring does not accept the reference library's PHC string");
        }
    }

    @Benchmark
    public boolean bouncyCastle() {
        return bouncyCastle.matches(PASSWORD, hash);
    }

    @Benchmark
    public boolean referenceC() {
        return reference.verify(hash, PASSWORD.toCharArray());
    }
}
