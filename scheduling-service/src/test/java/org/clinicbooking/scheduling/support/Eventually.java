package org.clinicbooking.scheduling.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something an asynchronous consumer does, such as applying an event. */
public final class Eventually {

    private Eventually() {}

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
        throw new AssertionError("Timed out after 60 s waiting until " + what);
    }
}
