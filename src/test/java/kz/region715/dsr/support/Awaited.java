package kz.region715.dsr.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** An awaited condition: polled every 20 ms until it holds; the limit is only a safety net, never the assertion. */
public final class Awaited {

    private Awaited() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted awaiting " + what, e);
            }
        }
    }
}
