package io.latchkey.domain.testfixtures;

import io.latchkey.domain.port.AuthCache;
import java.time.Instant;

class InMemoryAuthCacheTest extends AuthCacheContractTest {

    private final InMemoryAuthCache cache = new InMemoryAuthCache();

    @Override
    protected AuthCache cache() {
        return cache;
    }

    @Override
    protected Instant now() {
        return Instant.parse("2026-01-01T00:00:00Z");
    }
}
