package io.latchkey.adapters.web.security;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that run at a higher Linux nice value than the rest of the process, for password hashing: when hashing and
 * the event loops both want the cores, the kernel gives the request path most of them, and hashing still takes every
 * idle cycle. The JVM ignores {@link Thread#setPriority} on Linux, so each thread lowers its own priority through
 * {@code setpriority(2)} as it starts (Linux keeps a nice value per thread). Where that call is not available, the
 * threads run at the normal priority and start-up says so once.
 */
final class LowPriorityThreads implements ThreadFactory {

    private static final Logger log = LoggerFactory.getLogger(LowPriorityThreads.class);
    private static final int PRIO_PROCESS = 0;
    private static final int CALLING_THREAD = 0;

    private final String prefix;
    private final int nice;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean warned = new AtomicBoolean();

    LowPriorityThreads(String prefix, int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("latchkey.password.hashing-nice must be between 0 and 19, was " + nice);
        }
        this.prefix = prefix;
        this.nice = nice;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(() -> {
            lowerOwnPriority();
            work.run();
        }, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    private void lowerOwnPriority() {
        if (nice == 0) {
            return;
        }
        try {
            if (LibC.INSTANCE.setpriority(PRIO_PROCESS, CALLING_THREAD, nice) != 0 && warned.compareAndSet(false, true)) {
                log.warn("Could not lower the priority of the {} threads (setpriority failed, errno {}); they run at "
                        + "the normal priority", prefix, Native.getLastError());
            }
        } catch (LinkageError | RuntimeException unavailable) {
            if (warned.compareAndSet(false, true)) {
                log.warn("Could not lower the priority of the {} threads ({}); they run at the normal priority", prefix,
                        unavailable.toString());
            }
        }
    }

    /** The calling thread's nice value, as the kernel holds it. */
    static int currentNice() {
        return LibC.INSTANCE.getpriority(PRIO_PROCESS, CALLING_THREAD);
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }
}
