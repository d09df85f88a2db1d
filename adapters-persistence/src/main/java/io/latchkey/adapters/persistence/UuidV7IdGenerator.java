package io.latchkey.adapters.persistence;

import io.latchkey.domain.port.IdGenerator;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** RFC 9562 UUIDv7: 48-bit Unix milliseconds then 74 random bits, so ids sort by creation and index well. */
@Component
class UuidV7IdGenerator implements IdGenerator {

    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;

    UuidV7IdGenerator(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public UUID newId() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
