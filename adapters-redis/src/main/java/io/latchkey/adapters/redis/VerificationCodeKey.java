package io.latchkey.adapters.redis;

/** The server secret verification codes are MACed with; shared by all replicas, at least 256 bits. */
public record VerificationCodeKey(byte[] bytes) {

    public VerificationCodeKey {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the verification-code key must be at least 32 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "VerificationCodeKey[***]";
    }
}
