package kz.region715.dsr.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The per-replica pre-check: what it answers itself, and what it leaves to the shared bucket. */
class LocalPreCheckTest {

    private static final BucketConfiguration THREE_A_MINUTE = BucketConfiguration.builder().addLimit(Bandwidth
            .builder().capacity(3).refillIntervally(3, Duration.ofMinutes(1)).build()).build();

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** The shared buckets as a fake that counts its calls: three tokens a key, then refusals with 40 s to wait. */
    private static final class CountingStore implements BucketStore {
        final AtomicInteger calls = new AtomicInteger();
        /** Takes of the slow key in the bucket now, and at most. */
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile String slowKey = "";
        final Map<String, Integer> taken = new ConcurrentHashMap<>();
        volatile int tokens = 3;

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
            calls.incrementAndGet();
            boolean slow = key.equals(slowKey);
            if (slow) {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            }
            try {
                if (slow) {
                    gate.await(10, TimeUnit.SECONDS); // as a take that waits for the database
                }
                int left = tokens - taken.merge(key, 1, Integer::sum);
                return left >= 0 ? ConsumptionProbe.consumed(left, 0)
                        : ConsumptionProbe.rejected(0, TimeUnit.SECONDS.toNanos(40), TimeUnit.SECONDS.toNanos(40));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                if (slow) {
                    inside.decrementAndGet();
                }
            }
        }

        @Override
        public int removeExpired() {
            return 0;
        }
    }

    private final CountingStore shared = new CountingStore();
    private final LocalPreCheck preCheck = new LocalPreCheck(shared, 100, Duration.ofSeconds(10), nanos::get);

    @Test
    void onceTheSharedBucketRefusesAKeyItsCallsAreRefusedHereUntilItsRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(preCheck.tryConsume("client:a", THREE_A_MINUTE).isConsumed()).isTrue();
        }
        ConsumptionProbe refused = preCheck.tryConsume("client:a", THREE_A_MINUTE);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(shared.calls).as("the shared bucket answered every call so far").hasValue(4);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(15));
        for (int i = 0; i < 50; i++) {
            ConsumptionProbe local = preCheck.tryConsume("client:a", THREE_A_MINUTE);
            assertThat(local.isConsumed()).isFalse();
            assertThat(local.getNanosToWaitForRefill()).as("what remains of the shared bucket's 40 s")
                    .isEqualTo(TimeUnit.SECONDS.toNanos(25));
        }
        assertThat(shared.calls).as("a burst over the limit does not reach the shared bucket").hasValue(4);

        assertThat(preCheck.tryConsume("client:b", THREE_A_MINUTE).isConsumed())
                .as("another key is the shared bucket's to answer").isTrue();
        assertThat(shared.calls).hasValue(5);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(25));
        preCheck.tryConsume("client:a", THREE_A_MINUTE);
        assertThat(shared.calls).as("at the refill the shared bucket is asked again").hasValue(6);
    }

    @Test
    void callsForOneKeyTakeTheirTokensOneAfterTheOtherAndThoseQueuedBehindARefusalAreRefusedHere()
            throws Exception {
        shared.tokens = 1;
        shared.gate = new CountDownLatch(1);
        shared.slowKey = "client:c";
        List<Thread> callers = new ArrayList<>();
        List<Boolean> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread caller = new Thread(() -> answers.add(preCheck.tryConsume("client:c", THREE_A_MINUTE).isConsumed()));
            callers.add(caller);
            caller.start();
        }
        // one caller in the shared bucket, three waiting for their turn (all four in timed waits)
        awaitUntil(() -> shared.inside.get() == 1
                && callers.stream().filter(t -> t.getState() == Thread.State.TIMED_WAITING).count() == 4);
        assertThat(shared.calls).as("the other three wait their turn here, without a connection").hasValue(1);

        assertThat(preCheck.tryConsume("client:d", THREE_A_MINUTE).isConsumed())
                .as("another key does not wait for this one's turn").isTrue();
        assertThat(shared.calls).hasValue(2);

        shared.gate.countDown();
        for (Thread caller : callers) {
            caller.join(10_000);
        }
        assertThat(answers).containsExactlyInAnyOrder(true, false, false, false);
        assertThat(shared.mostInside).as("never two takes of one key at once").hasValue(1);
        assertThat(shared.calls).as("the first refusal is the shared bucket's, the rest this replica's")
                .hasValue(3);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
