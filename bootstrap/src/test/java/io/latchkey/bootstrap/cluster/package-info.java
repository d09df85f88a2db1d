/** Integration tests on clustered engines (Redis Cluster, three Kafka brokers, PostgreSQL restarted, three instances behind a balancer), run by the {@code cluster} Maven profile. */
@NullMarked
package io.latchkey.bootstrap.cluster;

import org.jspecify.annotations.NullMarked;
