package kz.region715.dsr.fault;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline, polling every 100 ms. */
final class Await {

    private Await() {
    }

    /** Returns how long it took; fails with {@code what} when the deadline passes. */
    static Duration until(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (RuntimeException e) {
                last = e; // e.g. the database is still down
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("not within " + limit.toSeconds() + " s: " + what, last);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
