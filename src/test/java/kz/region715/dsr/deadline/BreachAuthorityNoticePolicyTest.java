package kz.region715.dsr.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.ClockStart;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.deadline.domain.DeadlinePolicy;
import kz.region715.dsr.deadline.domain.Term;
import kz.region715.dsr.deadline.domain.TermUnit;
import org.junit.jupiter.api.Test;

/** The breach register's term: one working day after detection, on the Kazakh calendar, to the end of that day. */
class BreachAuthorityNoticePolicyTest {

    private final Deadlines deadlines = TestDeadlines.shipped();

    @Test
    void theShippedPolicy() {
        DeadlinePolicy policy = deadlines.policy("KZ", "BREACH_AUTHORITY_NOTICE");
        assertThat(policy.term()).isEqualTo(new Term(1, TermUnit.WORKING_DAYS));
        assertThat(policy.clockStart()).isEqualTo(ClockStart.RECEIPT);
        assertThat(policy.basis()).isEqualTo(Basis.STATUTORY);
        assertThat(policy.allowsExtension(0)).isFalse();
        assertThat(policy.citation()).contains("94-V", "44-VIII", "one working day");
    }

    /**
     * Friday 8 May 2026 comes before Victory Day (Saturday 9 May), which the calendar moves to Monday 11 May: the
     * one working day after a Friday detection is Tuesday 12 May, ending at 23:59:59 in Almaty (UTC+5).
     */
    @Test
    void aBreachDetectedOnTheFridayBeforeAHolidayMondayIsDueAtTheEndOfTuesday() {
        assertThat(deadlines.calendar("KZ").isWorkingDay(LocalDate.parse("2026-05-11"))).isFalse();
        for (String detected : new String[] {"2026-05-08T00:00:01", "2026-05-08T15:00", "2026-05-08T23:59:59"}) {
            Deadline deadline = deadlines.start("KZ", "BREACH_AUTHORITY_NOTICE",
                    LocalDateTime.parse(detected).atZone(TestDeadlines.ALMATY).toInstant(), null);
            assertThat(deadline.lastDay()).as(detected).isEqualTo("2026-05-12");
            assertThat(deadline.dueAt()).as(detected).isEqualTo(Instant.parse("2026-05-12T18:59:59Z"));
        }
        // Detected on the holiday Monday itself: the next working day is still Tuesday.
        assertThat(deadlines.start("KZ", "BREACH_AUTHORITY_NOTICE", Instant.parse("2026-05-11T04:00:00Z"), null)
                .lastDay()).isEqualTo("2026-05-12");
        // A Friday late evening in UTC is already Saturday in Almaty: still Tuesday.
        assertThat(deadlines.start("KZ", "BREACH_AUTHORITY_NOTICE", Instant.parse("2026-05-08T20:00:00Z"), null)
                .lastDay()).isEqualTo("2026-05-12");
        // An ordinary Wednesday: due at the end of Thursday.
        assertThat(deadlines.start("KZ", "BREACH_AUTHORITY_NOTICE", Instant.parse("2026-05-13T06:00:00Z"), null)
                .dueAt()).isEqualTo(Instant.parse("2026-05-14T18:59:59Z"));
    }
}
