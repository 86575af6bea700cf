package org.clinicbooking.systemtests.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Sends many requests from a fixed number of client threads and keeps every reply. */
public final class Traffic {

    private Traffic() {}

    /**
     * Sends COUNT requests, REQUEST(i) for i from 0, from CLIENTS threads that take the next
     * index as they finish one. Returns the replies in index order.
     */
    public static List<Reply> run(int count, int clients, IntFunction<Reply> request) {
        Reply[] replies = new Reply[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        replies[i] = request.apply(i);
                    }
                }));
            }
            await(workers);
        } finally {
            pool.shutdownNow();
        }
        return List.of(replies);
    }

    /**
     * Sends REQUEST(i) from CLIENTS threads until STOP returns true, and returns every reply in
     * the order the requests finished.
     */
    public static List<Reply> until(java.util.function.BooleanSupplier stop, int clients, IntFunction<Reply> request) {
        List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (!stop.getAsBoolean()) {
                        Reply reply = request.apply(next.getAndIncrement());
                        replies.add(reply);
                        if (!reply.isSuccess()) {
                            // A dead upstream fails in microseconds; do not spin on it.
                            EventLedger.sleep(java.time.Duration.ofMillis(50));
                        }
                    }
                }));
            }
            await(workers);
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(replies);
    }

    /**
     * Sends COUNT requests at once: every thread waits at a gate and all are released together,
     * so that they race for the same row.
     */
    public static List<Reply> storm(int count, IntFunction<Reply> request) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch gate = new CountDownLatch(1);
        List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                workers.add(pool.submit(() -> {
                    gate.await();
                    replies.add(request.apply(index));
                    return null;
                }));
            }
            gate.countDown();
            await(workers);
        } finally {
            pool.shutdownNow();
        }
        return replies;
    }

    /** Counts replies by status; status 0 stands for a connection that failed. */
    public static Map<Integer, Integer> statuses(List<Reply> replies) {
        Map<Integer, Integer> counts = new TreeMap<>();
        replies.forEach(reply -> counts.merge(reply.status(), 1, Integer::sum));
        return counts;
    }

    public static long serverErrors(List<Reply> replies) {
        return replies.stream().filter(reply -> reply.status() >= 500).count();
    }

    private static void await(List<Future<?>> workers) {
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending requests", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A client thread failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
