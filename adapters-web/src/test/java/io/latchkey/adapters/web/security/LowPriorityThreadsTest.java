package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class LowPriorityThreadsTest {

    @Test
    void aThreadItMakes_runsAtTheConfiguredNiceValue_whileTheCallerKeepsItsOwn() throws Exception {
        int callerBefore = LowPriorityThreads.currentNice();
        assumeThat(callerBefore).as("the test runs at a nice value below the one it sets").isLessThan(7);
        CompletableFuture<Integer> seen = new CompletableFuture<>();

        Thread thread = new LowPriorityThreads("hash-test", 7).newThread(() -> seen.complete(LowPriorityThreads.currentNice()));
        thread.start();

        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(LowPriorityThreads.currentNice()).isEqualTo(callerBefore);
        assertThat(thread.getName()).isEqualTo("hash-test-1");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void niceZero_leavesThePriorityAlone() throws Exception {
        int callerBefore = LowPriorityThreads.currentNice();
        CompletableFuture<Integer> seen = new CompletableFuture<>();

        new LowPriorityThreads("hash-test", 0).newThread(() -> seen.complete(LowPriorityThreads.currentNice())).start();

        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(callerBefore);
    }

    @Test
    void aNiceValueOutsideLinuxRange_isRefused() {
        assertThatThrownBy(() -> new LowPriorityThreads("hash-test", 20)).hasMessageContaining("between 0 and 19");
    }
}
