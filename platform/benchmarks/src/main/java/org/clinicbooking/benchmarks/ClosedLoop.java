package org.clinicbooking.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: each of N clients sends its next request as soon as the previous one
 * returns, until the duration is over. Throughput is the attempts that booked divided by the
 * measured wall time, and every attempt's latency goes into one histogram.
 */
final class ClosedLoop {

    /** Latencies above this are recorded as this value; a request times out at 30 s anyway. */
    private static final long MAX_RECORDED_MICROS = TimeUnit.SECONDS.toMicros(60);

    /** Failure messages kept for the log: enough to see the cause without flooding it. */
    private static final int KEPT_FAILURES = 5;

    enum Outcome {
        BOOKED,
        CONFLICT,
        FAILED
    }

    /** One request of client {@code client}; {@code sequence} counts that client's requests from 0. */
    @FunctionalInterface
    interface Attempt {
        Outcome run(int client, long sequence) throws Exception;
    }

    /** The outcome counts and latencies of one load level. Latencies are in microseconds. */
    record Result(
            int clients,
            double seconds,
            long booked,
            long conflicts,
            long failed,
            Histogram latencies,
            List<String> failures) {

        double bookingsPerSecond() {
            return booked / seconds;
        }

        double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private ClosedLoop() {}

    static Result run(int clients, Duration duration, Attempt attempt) throws InterruptedException {
        Histogram[] histograms = new Histogram[clients];
        long[][] counts = new long[clients][Outcome.values().length];
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger keptFailures = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            histograms[client] = new Histogram(MAX_RECORDED_MICROS, 3);
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long sequence = 0;
                        while (System.nanoTime() < deadline[0]) {
                            long started = System.nanoTime();
                            Outcome outcome;
                            try {
                                outcome = attempt.run(client, sequence);
                            } catch (Exception e) {
                                outcome = Outcome.FAILED;
                                if (keptFailures.incrementAndGet() <= KEPT_FAILURES) {
                                    failures.add(e.toString());
                                }
                            }
                            long micros = (System.nanoTime() - started) / 1000;
                            histograms[client].recordValue(Math.min(micros, MAX_RECORDED_MICROS));
                            counts[client][outcome.ordinal()]++;
                            sequence++;
                        }
                    },
                    "bench-client-" + client);
            threads.add(thread);
            thread.start();
        }

        ready.await();
        long started = System.nanoTime();
        deadline[0] = started + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Histogram all = new Histogram(MAX_RECORDED_MICROS, 3);
        long[] totals = new long[Outcome.values().length];
        for (int c = 0; c < clients; c++) {
            all.add(histograms[c]);
            for (Outcome outcome : Outcome.values()) {
                totals[outcome.ordinal()] += counts[c][outcome.ordinal()];
            }
        }
        return new Result(
                clients,
                seconds,
                totals[Outcome.BOOKED.ordinal()],
                totals[Outcome.CONFLICT.ordinal()],
                totals[Outcome.FAILED.ordinal()],
                all,
                List.copyOf(failures));
    }
}
