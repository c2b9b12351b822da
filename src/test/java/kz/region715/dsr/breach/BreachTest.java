package kz.region715.dsr.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.breach.domain.DiscoveryMethod;
import kz.region715.dsr.breach.domain.NoticeChannel;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.ClockStart;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.deadline.domain.DeadlinePolicy;
import kz.region715.dsr.deadline.domain.Term;
import kz.region715.dsr.deadline.domain.TermUnit;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.DataSource;
import org.junit.jupiter.api.Test;

/** The breach's own rules, without the container. */
class BreachTest {

    private static final Instant DETECTED = Instant.parse("2026-05-08T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-05-12T18:59:59Z");

    @Test
    void aRegisteredBreachIsDetectedWithItsFactsAndDeadline() {
        Breach breach = breach();
        assertThat(breach.status()).isEqualTo(BreachStatus.DETECTED);
        assertThat(breach.dataCategories()).containsExactly(DataCategory.NAME, DataCategory.PHONE);
        assertThat(breach.sources()).containsExactly(DataSource.WEB_FORM);
        assertThat(breach.systems()).containsExactly("Website", "CRM export");
        assertThat(breach.deadline().dueAt()).isEqualTo(DUE);
        assertThat(breach.deadline().policy()).isEqualTo("KZ/BREACH_AUTHORITY_NOTICE");
        assertThat(breach.isOverdue(DUE)).isFalse();
        assertThat(breach.isOverdue(DUE.plusSeconds(1))).isTrue();
        assertThat(breach.authorityNotice()).isNull();
    }

    @Test
    void aBreachCannotBeClosedWhileItsAuthorityNoticeIsDue() {
        Breach breach = breach();
        assertThatThrownBy(() -> breach.close(null, "officer", DETECTED.plusSeconds(60)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("authority-notice-unrecorded");
                    assertThat(e.facts()).containsEntry("currentStatus", "DETECTED")
                            .containsEntry("dueAt", DUE.toString());
                });
        breach.assess("Names and phones of 12 leads.", "Closed.", null, 12, "officer", DETECTED.plusSeconds(60));
        assertThatThrownBy(() -> breach.close(null, "officer", DETECTED.plusSeconds(90)))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("authority-notice-unrecorded"));
        assertThat(breach.status()).isEqualTo(BreachStatus.ASSESSED);
        assertThat(breach.estimatedCount()).isEqualTo(12);
        assertThat(breach.measuresTaken()).isEqualTo("Closed.");
        assertThat(breach.measuresPlanned()).isEqualTo("Audit the exports.");

        breach.recordAuthorityNotice(DETECTED.plusSeconds(3600), NoticeChannel.PORTAL, "KZ-1", "officer",
                DETECTED.plusSeconds(3700), DETECTED.plusSeconds(3760));
        assertThat(breach.status()).isEqualTo(BreachStatus.AUTHORITY_NOTIFIED);
        assertThat(breach.authorityNotice().channel()).isEqualTo(NoticeChannel.PORTAL);
        assertThat(breach.isOverdue(DUE.plusSeconds(100))).isFalse();
        breach.close("Done.", "officer", DETECTED.plusSeconds(4000));
        assertThat(breach.status()).isEqualTo(BreachStatus.CLOSED);
        assertThat(breach.closedBy()).isEqualTo("officer");
    }

    @Test
    void theAuthorityNoticeIsNeitherBeforeTheDetectionNorInTheFuture() {
        Breach breach = breach();
        assertThatThrownBy(() -> breach.recordAuthorityNotice(DETECTED.minusSeconds(1), NoticeChannel.EMAIL, null,
                "officer", DETECTED.plusSeconds(10), DETECTED.plusSeconds(70)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.INVALID);
                    assertThat(e.errors()).extracting(DomainRuleViolation.FieldError::field).containsExactly("sentAt");
                });
        assertThatThrownBy(() -> breach.recordAuthorityNotice(DETECTED.plusSeconds(71), NoticeChannel.EMAIL, null,
                "officer", DETECTED.plusSeconds(10), DETECTED.plusSeconds(70)))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(breach.status()).isEqualTo(BreachStatus.DETECTED);
    }

    @Test
    void notNotifiableKeepsItsBasisAndEndsTheClock() {
        Breach breach = breach();
        breach.declareNotNotifiable("Encrypted; key not exposed.", "Law 94-V Art. 1", "officer", DETECTED);
        assertThat(breach.status()).isEqualTo(BreachStatus.NOT_NOTIFIABLE);
        assertThat(breach.notNotifiableBasis()).isEqualTo("Encrypted; key not exposed.");
        assertThat(breach.isOverdue(DUE.plusSeconds(3600))).isFalse();
        assertThatThrownBy(() -> breach.recordAuthorityNotice(DETECTED, NoticeChannel.EMAIL, null, "officer",
                DETECTED, DETECTED)).isInstanceOf(BreachStatus.IllegalTransition.class);
        breach.close(null, "officer", DETECTED.plusSeconds(10));
        assertThat(breach.status()).isEqualTo(BreachStatus.CLOSED);
    }

    @Test
    void aBreachConcernsAtLeastOneCategoryAndSource() {
        assertThatThrownBy(() -> Breach.register("BR-2026-000009", facts(EnumSet.noneOf(DataCategory.class)),
                deadline(), "officer", DETECTED)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Breach breach() {
        return Breach.register("BR-2026-000001", facts(EnumSet.of(DataCategory.PHONE, DataCategory.NAME)),
                deadline(), "officer", DETECTED);
    }

    private static Breach.Facts facts(Set<DataCategory> categories) {
        return new Breach.Facts(DETECTED, DiscoveryMethod.MONITORING, null, "Export folder open.", categories,
                EnumSet.of(DataSource.WEB_FORM), List.of("Website", "CRM export"), null, null, 10, "Folder closed.",
                "Audit the exports.", new ResponsiblePerson("Dana", "DPO", "dpo@example.kz", null));
    }

    private static AuthorityDeadline deadline() {
        DeadlinePolicy policy = new DeadlinePolicy("KZ", "BREACH_AUTHORITY_NOTICE", new Term(1, TermUnit.WORKING_DAYS),
                ClockStart.RECEIPT, null, 0, false, Basis.STATUTORY, "test");
        return new AuthorityDeadline("KZ", new Deadline(policy, LocalDate.parse("2026-05-12"), DUE, 0, 0));
    }
}
