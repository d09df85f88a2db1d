import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Round-trip time of the auth cache's hot-path commands through the client Latchkey uses (Lettuce, reactive API):
 * HGETALL of a session hash (the session check) and EVALSHA of a fill script guarded by the generation, one at a
 * time, after a warm-up. What the hot-path timeout ({@code latchkey.cache.redis.timeout}) has to sit above.
 * Usage: java -cp <lettuce, netty, reactor> RedisCommandLatency.java <host> <port> [samples]
 */
public class RedisCommandLatency {

    private static final String FILL = """
            local generation = tonumber(redis.call('GET', KEYS[1]) or '0')
            if generation ~= tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], 'roles', 'USER', 'ev', '1', 'ue', '0', 'exp', ARGV[2])
            redis.call('PEXPIRE', KEYS[2], 60000)
            return 1
            """;

    public static void main(String[] args) {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        RedisClient client = RedisClient.create("redis://" + host + ":" + port);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisReactiveCommands<String, String> redis = connection.reactive();
            String user = "lk:{u:" + UUID.randomUUID() + "}:";
            String session = user + "s:" + UUID.randomUUID();
            redis.hset(session, Map.of("roles", "USER", "ev", "1", "ue", "0", "exp", "2030-01-01T00:00:00Z")).block();
            String sha = redis.scriptLoad(FILL).block();
            String[] keys = {user + "epoch", session};
            Supplier<Mono<?>> hgetall = () -> redis.hgetall(session).collectList();
            Supplier<Mono<?>> evalsha = () -> redis.evalsha(sha, ScriptOutputType.INTEGER, keys, "0", "2030-01-01T00:00:00Z")
                    .next();
            measure("HGETALL", hgetall, samples / 5);
            measure("EVALSHA", evalsha, samples / 5);
            report("HGETALL", measure("HGETALL", hgetall, samples));
            report("EVALSHA", measure("EVALSHA", evalsha, samples));
            redis.del(session).block();
        } finally {
            client.shutdown();
        }
    }

    private static long[] measure(String name, Supplier<Mono<?>> command, int samples) {
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            command.get().block();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        return micros;
    }

    private static void report(String name, long[] micros) {
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%-8s %d samples, microseconds: p50 %d  p99 %d  p99.9 %d  p99.99 %d  max %d%n", name,
                micros.length, at(micros, 0.50), at(micros, 0.99), at(micros, 0.999), at(micros, 0.9999),
                micros[micros.length - 1]);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
