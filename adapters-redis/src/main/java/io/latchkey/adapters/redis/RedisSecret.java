package io.latchkey.adapters.redis;

/**
 * The server secret that verification codes, and the addresses in Redis key names, are MACed with; shared by all
 * replicas, at least 256 bits. A plain hash would let anyone who can read Redis test guesses against it.
 */
public record RedisSecret(byte[] bytes) {

    public RedisSecret {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the Redis secret must be at least 32 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "RedisSecret[***]";
    }
}
