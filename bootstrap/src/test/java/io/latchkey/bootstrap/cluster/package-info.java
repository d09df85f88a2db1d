/** Integration tests on clustered engines (Redis Cluster), run by the {@code cluster} Maven profile. */
@NullMarked
package io.latchkey.bootstrap.cluster;

import org.jspecify.annotations.NullMarked;
