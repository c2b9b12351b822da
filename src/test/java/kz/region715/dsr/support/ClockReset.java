package kz.region715.dsr.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Sets the {@link TestClock} back to real time after every {@code @QuarkusTest} method (registered in
 * {@code META-INF/services}), so that no test starts with the time another one moved, and no test class has to
 * reset the clock itself.
 */
public class ClockReset implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return;
        }
        try (InstanceHandle<TestClock> clock = container.instance(TestClock.class)) {
            if (clock.isAvailable()) {
                clock.get().reset();
            }
        }
    }
}
