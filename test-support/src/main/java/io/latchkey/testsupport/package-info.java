/** Real PostgreSQL, Redis and Kafka for tests and the local run: embedded, Testcontainers or external. */
@NullMarked
package io.latchkey.testsupport;

import org.jspecify.annotations.NullMarked;
