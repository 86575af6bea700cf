package org.clinicbooking.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks that start at the same moment, each on a thread of its own, to exercise races. */
public final class Simultaneously {

    private Simultaneously() {}

    /** A task of a race, given its index. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} tasks released together and returns their results in index order. */
    public static <T> List<T> run(int count, Task<T> task) throws Exception {
        // Threads of its own, because the common fork-join pool is small on few cores and may be busy.
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(threads.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();

            List<T> results = new ArrayList<>();
            for (Future<T> result : pending) {
                results.add(result.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
