import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Heap per entry of the memory of revoked sessions: a Caffeine cache built like {@code RevokedSessions} (size bound,
 * per-entry expiry, eviction listener) from a session id record to an Instant, filled with n entries, heap measured
 * after GC before and after. Usage: java -Xmx512m -cp caffeine.jar RevokedSessionsMemory.java [n]
 */
public class RevokedSessionsMemory {

    record SessionId(UUID value) {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long before = used();
        Cache<SessionId, Instant> memory = Caffeine.newBuilder().maximumSize(n).executor(Runnable::run)
                .expireAfter(Expiry.writing((SessionId id, Instant end) -> Duration.between(Instant.now(), end)))
                .evictionListener((SessionId id, Instant end, RemovalCause cause) -> { })
                .build();
        Instant until = Instant.now().plusSeconds(3600);
        for (int i = 0; i < n; i++) {
            memory.asMap().merge(new SessionId(UUID.randomUUID()), until.plusNanos(i), (kept, offered) -> kept);
        }
        memory.cleanUp();
        long after = used();
        System.out.printf("entries=%d bytes/entry=%.1f total=%.1f MiB%n", memory.estimatedSize(),
                (after - before) / (double) n, (after - before) / 1_048_576.0);
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
