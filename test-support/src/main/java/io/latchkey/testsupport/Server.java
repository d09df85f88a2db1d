package io.latchkey.testsupport;

import java.util.Map;

/** One running server and the Spring properties that point the application at it. */
interface Server extends AutoCloseable {

    Map<String, String> properties();

    /** Where it came from, for the log: embedded, testcontainers or external. */
    String description();

    @Override
    void close();
}
