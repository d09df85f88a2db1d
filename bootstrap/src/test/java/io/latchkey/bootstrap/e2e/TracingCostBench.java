package io.latchkey.bootstrap.e2e;

import java.lang.management.ManagementFactory;

/**
 * Bytes the JVM allocates per {@code GET /api/v1/me} (near-cache hits, client and server in this JVM), printed as
 * {@code TRACING-COST <label> round <n>: <bytes>/request}. A measurement for docs/operations.md ("Tracing"), not an
 * assertion: run the three {@code TracingCost*BenchIT} classes with -Dlatchkey.bench.tracing=true.
 */
final class TracingCostBench {

    private static final int WARM_UP = 3_000;
    private static final int REQUESTS = 5_000;

    private TracingCostBench() {
    }

    static void measure(IntegrationTest test, String label) {
        String email = IntegrationTest.uniqueEmail();
        test.register(email);
        String access = test.accessTokenFor(email);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            test.me(access).expectStatus().isOk();
        }
        for (int round = 0; round < 3; round++) {
            long before = threads.getTotalThreadAllocatedBytes();
            for (int i = 0; i < REQUESTS; i++) {
                test.me(access).expectStatus().isOk();
            }
            long perRequest = (threads.getTotalThreadAllocatedBytes() - before) / REQUESTS;
            System.out.printf("TRACING-COST %s round %d: %d bytes/request%n", label, round, perRequest);
        }
    }
}
