package kz.region715.dsr.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A timeline entry is audited under the type of its kind's name: the stored type string never changes. */
class TimelineAuditTest {

    @Test
    void everyKindButTheMailsIsTheAuditTypeOfTheSameName() {
        Arrays.stream(TimelineEntry.Kind.values())
                .filter(kind -> kind != TimelineEntry.Kind.MAIL_SENT && kind != TimelineEntry.Kind.MAIL_FAILED)
                .forEach(kind -> assertThat(TimelineAudit.typeOf(kind).name()).as(kind.name()).isEqualTo(kind.name()));
    }

    @Test
    void theMailsAreLeftToTheOutbox() {
        assertThat(TimelineAudit.typeOf(TimelineEntry.Kind.MAIL_SENT)).isNull();
        assertThat(TimelineAudit.typeOf(TimelineEntry.Kind.MAIL_FAILED)).isNull();
    }
}
