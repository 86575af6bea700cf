package org.clinicbooking.demodata.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A fixed pool of threads that send requests side by side. The services do the slow work
 * (password hashing, locking, outbox writes), so a few requests in flight keep them busy.
 */
final class Workers implements AutoCloseable {

    private final ExecutorService executor;

    Workers(int parallelism) {
        this.executor = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "import-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs ACTION for every item and waits for all; rethrows the first failure. */
    <T> void forEach(Collection<T> items, Consumer<T> action) {
        List<CompletableFuture<Void>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(submit(() -> action.accept(item)));
        }
        await(futures);
    }

    CompletableFuture<Void> submit(Runnable task) {
        return CompletableFuture.runAsync(task, executor);
    }

    /** Waits for every future; rethrows the first failure unwrapped. */
    static void await(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
