package kz.region715.dsr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.deadline.domain.DeadlineRuleViolation;
import kz.region715.dsr.deadline.domain.Term;
import kz.region715.dsr.deadline.domain.TermUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service on the shipped policies and calendars, in Almaty time. */
class DeadlinesTest {

    private static final Deadlines DEADLINES = TestDeadlines.shipped();

    /** A local time in Almaty. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TestDeadlines.ALMATY).toInstant();
    }

    private static Deadline kz(String type, String verifiedAt) {
        return DEADLINES.start("KZ", type, at(verifiedAt).minusSeconds(3600), at(verifiedAt));
    }

    // ------------------------------------------------------------------ the two required examples

    @Test
    void correctionVerifiedOnFriday20MarchIsDueAtTheEndOfThursday26March() {
        Deadline deadline = kz("CORRECTION", "2026-03-20T15:00");
        assertThat(deadline.lastDay()).isEqualTo("2026-03-26");
        assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-26T23:59:59+05:00").toInstant());
        assertThat(deadline.policy().basis()).isEqualTo(Basis.STATUTORY);
    }

    @Test
    void withdrawalStartingOnMonday4MayIsDueAtTheEndOfThursday28May() {
        Deadline deadline = kz("WITHDRAWAL", "2026-05-04T10:00");
        assertThat(deadline.lastDay()).isEqualTo("2026-05-28");
        assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse("2026-05-28T23:59:59+05:00").toInstant());
    }

    // ------------------------------------------------------------------ more Kazakh cases

    @ParameterizedTest(name = "KZ {0} verified {1} -> {2}")
    @CsvSource({
            "CORRECTION, 2026-03-21T11:00, 2026-03-26", // verified on a Saturday
            "CORRECTION, 2026-03-23T11:00, 2026-03-26", // verified on a holiday (Nauryz)
            "RESTRICTION, 2026-05-08T17:00, 2026-05-12", // 1 WD from a Friday: the weekend and 11 May off
            "DELETION, 2026-05-26T17:00, 2026-05-28", // Kurban Ait on 27 May
            "RESTRICTION, 2026-12-30T09:00, 2026-12-31",
            "CORRECTION, 2026-12-31T09:00, 2027-01-05", // 1 Jan, Sat 2 Jan moved to Mon 4 Jan
            "WITHDRAWAL, 2026-12-25T09:00, 2027-01-20", // over the New Year and Christmas
            "ACCESS, 2026-03-20T09:00, 2026-04-08", // internal target, 10 WD
            "ACCESS, 2026-08-28T09:00, 2026-09-11", // 31 August 2026 is a working day
            "WITHDRAWAL, 2026-03-06T09:00, 2026-04-02"}) // 9, 23, 24, 25 March off
    void kazakhDeadlines(String type, String verifiedAt, LocalDate lastDay) {
        assertThat(kz(type, verifiedAt).lastDay()).isEqualTo(lastDay);
    }

    @Test
    void theKazakhClockStartsAtVerificationAndTheDateIsTakenInAlmaty() {
        // Received on Tuesday, verified at 00:30 on Friday in Almaty (19:30 UTC on Thursday).
        Deadline deadline = DEADLINES.start("KZ", "CORRECTION", at("2026-03-17T10:00"),
                Instant.parse("2026-03-19T19:30:00Z"));
        assertThat(deadline.lastDay()).isEqualTo("2026-03-26");
        assertThatThrownBy(() -> DEADLINES.start("KZ", "CORRECTION", at("2026-03-17T10:00"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verification");
    }

    @Test
    void otherJurisdictionsStartAtReceipt() {
        Deadline deadline = DEADLINES.start("EU", "ACCESS", at("2026-03-31T10:00"), null);
        assertThat(deadline.lastDay()).isEqualTo("2026-04-30");
    }

    // ------------------------------------------------------------------ GDPR month ends

    @ParameterizedTest(name = "EU {0} received {1} -> {2}, extended -> {3}")
    @CsvSource({
            "ACCESS, 2026-01-31T10:00, 2026-03-02, 2026-05-04", // 28 Feb is a Saturday; 2 May a Saturday
            "ACCESS, 2026-03-31T10:00, 2026-04-30, 2026-06-30", // a Thursday, then a Tuesday
            "DELETION, 2026-12-15T10:00, 2027-01-15, 2027-03-15",
            "WITHDRAWAL, 2026-02-28T10:00, 2026-03-30, 2026-06-01"}) // Sat 28 Mar -> Mon 30; Sat 30 May -> Mon 1 June
    void gdprMonthsEndOnTheSameDayOrTheNextWorkingDay(String type, String received, LocalDate lastDay,
            LocalDate extended) {
        Deadline deadline = DEADLINES.start("EU", type, at(received), null);
        assertThat(deadline.lastDay()).isEqualTo(lastDay);
        Deadline once = DEADLINES.extend(deadline);
        assertThat(once.lastDay()).isEqualTo(extended);
        assertThat(once.extensionsGranted()).isEqualTo(1);
        assertThatThrownBy(() -> DEADLINES.extend(once)).isInstanceOfSatisfying(DeadlineRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("extension-not-allowed"));
    }

    // ------------------------------------------------------------------ extensions and pauses

    @Test
    void kazakhAccessCanBeExtendedOnceByFiveWorkingDays() {
        Deadline deadline = kz("ACCESS", "2026-03-20T09:00");
        Deadline extended = DEADLINES.extend(deadline);
        assertThat(extended.lastDay()).isEqualTo("2026-04-15");
        assertThat(extended.dueAt()).isEqualTo(OffsetDateTime.parse("2026-04-15T23:59:59+05:00").toInstant());
        assertThatThrownBy(() -> DEADLINES.extend(extended)).isInstanceOfSatisfying(DeadlineRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo(DeadlineRuleViolation.EXTENSION_NOT_ALLOWED));
    }

    @Test
    void kazakhCorrectionCannotBeExtended() {
        assertThatThrownBy(() -> DEADLINES.extend(kz("CORRECTION", "2026-03-20T09:00")))
                .isInstanceOfSatisfying(DeadlineRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("extension-not-allowed"));
    }

    @Test
    void aCorrectionPausedFromMondayToWednesdayMovesByTwoWorkingDays() {
        Deadline deadline = kz("CORRECTION", "2026-04-03T16:00"); // Friday
        assertThat(deadline.lastDay()).isEqualTo("2026-04-06");
        Deadline resumed = DEADLINES.afterPause(deadline, at("2026-04-06T09:00"), at("2026-04-08T14:00"));
        assertThat(resumed.lastDay()).isEqualTo("2026-04-08");
        assertThat(resumed.pausedWorkingDays()).isEqualTo(2);
    }

    @Test
    void aWithdrawalDoesNotPause() {
        Deadline deadline = kz("WITHDRAWAL", "2026-05-04T10:00");
        assertThat(DEADLINES.afterPause(deadline, at("2026-05-05T09:00"), at("2026-05-08T09:00")))
                .isEqualTo(deadline);
    }

    @Test
    void aPauseOverHolidaysCountsOnlyWorkingDays() {
        Deadline deadline = kz("DELETION", "2026-03-19T10:00"); // Thursday: due Friday 20 March
        // Paused Friday 20 to Thursday 26 March: only the 26th is a working day in (20, 26].
        Deadline resumed = DEADLINES.afterPause(deadline, at("2026-03-20T09:00"), at("2026-03-26T09:00"));
        assertThat(resumed.pausedWorkingDays()).isEqualTo(1);
        assertThat(resumed.lastDay()).isEqualTo("2026-03-26");
    }

    // ------------------------------------------------------------------ time left

    @ParameterizedTest(name = "{0}: {1} working day(s) left, overdue {2}")
    @CsvSource({
            "2026-03-20T18:00, 1, false", // the 23rd, 24th and 25th are days off
            "2026-03-25T23:00, 1, false",
            "2026-03-26T00:00, 0, false",
            "2026-03-26T23:59:59, 0, false",
            "2026-03-27T00:00, -1, true",
            "2026-03-30T09:00, -2, true"})
    void timeLeftOnACorrectionDueOn26March(String now, int left, boolean overdue) {
        Deadline deadline = kz("CORRECTION", "2026-03-20T15:00");
        assertThat(DEADLINES.workingDaysLeft(deadline, at(now))).isEqualTo(left);
        assertThat(DEADLINES.isOverdue(deadline, at(now))).isEqualTo(overdue);
    }

    // ------------------------------------------------------------------ other jurisdictions

    @ParameterizedTest(name = "{0} {1} received {2} -> {3}")
    @CsvSource({
            "RU, ACCESS, 2026-01-05T10:00, 2026-01-23", // 6-8 January, 9 January (resolution 1466) off
            "RU, CORRECTION, 2026-03-05T10:00, 2026-03-17", // 9 March: 8 March is a Sunday
            "RU, WITHDRAWAL, 2026-12-01T10:00, 2027-01-11", // 31 December (resolution 1466), 1-8 January off
            "RU, RESTRICTION, 2026-05-08T10:00, 2026-05-12", // 11 May: 9 May is a Saturday
            "US-CA, ACCESS, 2026-03-20T10:00, 2026-05-04",
            "US-CA, DELETION, 2026-03-21T10:00, 2026-05-05",
            "US-CA, RESTRICTION, 2026-03-20T10:00, 2026-04-10", // 15 business days
            "US-CA, WITHDRAWAL, 2026-03-20T10:00, 2026-04-10"})
    void otherJurisdictions(String jurisdiction, String type, String received, LocalDate lastDay) {
        assertThat(DEADLINES.start(jurisdiction, type, at(received), null).lastDay()).isEqualTo(lastDay);
    }

    @Test
    void ccpaExtensionIsFortyFiveMoreDaysOnce() {
        Deadline extended = DEADLINES.extend(DEADLINES.start("US-CA", "ACCESS", at("2026-03-20T10:00"), null));
        assertThat(extended.lastDay()).isEqualTo("2026-06-18");
        assertThatThrownBy(() -> DEADLINES.extend(extended)).isInstanceOf(DeadlineRuleViolation.class);
    }

    // ------------------------------------------------------------------ lookups and restore

    @Test
    void lookups() {
        assertThat(DEADLINES.defaultJurisdiction()).isEqualTo("KZ");
        assertThat(DEADLINES.jurisdictions()).containsExactly("EU", "KZ", "RU", "US-CA");
        assertThat(DEADLINES.policy("KZ", "ACCESS").term()).isEqualTo(new Term(10, TermUnit.WORKING_DAYS));
        assertThat(DEADLINES.calendar("KZ").jurisdiction()).isEqualTo("KZ");
        assertThatThrownBy(() -> DEADLINES.policy("KZ", "PORTABILITY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEADLINES.policy("XX", "ACCESS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEADLINES.calendar("XX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRestoredDeadlineBehavesLikeTheOriginal() {
        Deadline original = DEADLINES.extend(kz("ACCESS", "2026-03-20T09:00"));
        Deadline restored = DEADLINES.restore("KZ", "ACCESS", original.lastDay(), original.extensionsGranted(),
                original.pausedWorkingDays());
        assertThat(restored).isEqualTo(original);
        assertThatThrownBy(() -> DEADLINES.extend(restored)).isInstanceOf(DeadlineRuleViolation.class);
    }
}
