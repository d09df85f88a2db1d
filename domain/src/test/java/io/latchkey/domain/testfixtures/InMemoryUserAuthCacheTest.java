package io.latchkey.domain.testfixtures;

import io.latchkey.domain.port.UserAuthCache;
import java.time.Instant;

class InMemoryUserAuthCacheTest extends UserAuthCacheContractTest {

    private final InMemoryUserAuthCache cache = new InMemoryUserAuthCache();

    @Override
    protected UserAuthCache cache() {
        return cache;
    }

    @Override
    protected Instant now() {
        return Instant.parse("2026-01-01T00:00:00Z");
    }
}
