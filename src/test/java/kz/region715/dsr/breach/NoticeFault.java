package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** Cuts a round of subject notices: armed, the n-th notice queued from then on throws inside its round. */
@ApplicationScoped
public class NoticeFault {

    private final AtomicInteger left = new AtomicInteger();

    void failAtNotice(int nth) {
        left.set(nth);
    }

    void disarm() {
        left.set(0);
    }

    void onNotice(@Observes BreachEvents.SubjectNotice notice) {
        if (left.get() > 0 && left.decrementAndGet() == 0) {
            throw new IllegalStateException("test: the round is cut at this notice");
        }
    }
}
