import java.time.Instant;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis memory per cached session, with the key layout of RedisUserAuthCache (session HASH, per-user index SET,
 * purge-count STRING, all with TTLs). Usage: java -cp <jedis and its deps> RedisMemoryPerSession.java <port> <users> <sessionsPerUser>
 */
public class RedisMemoryPerSession {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int users = Integer.parseInt(args[1]);
        int perUser = Integer.parseInt(args[2]);
        try (Jedis redis = new Jedis("localhost", port)) {
            redis.flushAll();
            long before = usedMemory(redis);
            Pipeline pipe = redis.pipelined();
            for (int u = 0; u < users; u++) {
                String prefix = "lk:{u:" + UUID.randomUUID() + "}:";
                for (int s = 0; s < perUser; s++) {
                    String sid = UUID.randomUUID().toString();
                    pipe.hset(prefix + "s:" + sid, java.util.Map.of("roles", "USER", "ev", "1", "ue", "0",
                            "exp", Instant.now().plusSeconds(2_592_000).toString()));
                    pipe.pexpire(prefix + "s:" + sid, 2_592_000_000L);
                    pipe.sadd(prefix + "sessions", sid);
                }
                pipe.pexpire(prefix + "sessions", 2_592_000_000L);
                pipe.set(prefix + "epoch", "1");
                pipe.pexpire(prefix + "epoch", 2_678_400_000L);
            }
            pipe.sync();
            long after = usedMemory(redis);
            long sessions = (long) users * perUser;
            System.out.printf("%d users x %d sessions: %.0f bytes per session (%.1f MiB for %d sessions)%n",
                    users, perUser, (after - before) / (double) sessions, (after - before) / 1048576.0, sessions);
            redis.flushAll();
        }
    }

    private static long usedMemory(Jedis redis) {
        for (String line : redis.info("memory").split("\r\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()));
            }
        }
        throw new IllegalStateException("no used_memory");
    }
}
