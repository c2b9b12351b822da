package kz.region715.dsr.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.ClockStart;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.deadline.domain.DeadlinePolicy;
import kz.region715.dsr.deadline.domain.Term;
import kz.region715.dsr.deadline.domain.TermUnit;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.Reference;
import kz.region715.dsr.request.domain.RejectionBasis;
import kz.region715.dsr.request.domain.RequestLifecycle;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;
import org.junit.jupiter.api.Test;

/** The request aggregate's own rules, without the container: what each action changes, and what it refuses. */
class SubjectRequestTest {

    private static final Instant FILED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant VERIFIED = FILED.plus(Duration.ofMinutes(5));
    private static final Instant LATER = VERIFIED.plus(Duration.ofDays(1));
    private static final DeadlinePolicy POLICY = new DeadlinePolicy("KZ", "ACCESS",
            new Term(30, TermUnit.CALENDAR_DAYS), ClockStart.RECEIPT, new Term(30, TermUnit.CALENDAR_DAYS), 1, true,
            Basis.STATUTORY, "test citation");
    private static final Deadline DEADLINE = new Deadline(POLICY, LocalDate.parse("2026-04-01"),
            Instant.parse("2026-04-01T18:59:59Z"), 0, 0);

    private static SubjectRequest filed(PhoneNumber phone) {
        return SubjectRequest.file(UUID.randomUUID(), new Reference("DSR-2026-000042"), RequestType.ACCESS,
                Channel.WEB, SubjectLocale.EN,
                new Contact(EmailAddress.parse(" Aigerim@Example.KZ "), "Aigerim", phone), "subject-key", "{\"x\":1}",
                FILED);
    }

    private static SubjectRequest verifiedCase() {
        SubjectRequest request = filed(PhoneNumber.parse("+77011234567"));
        request.markVerified(VERIFIED, "token-hash");
        request.startDeadline("KZ", DEADLINE, VERIFIED);
        return request;
    }

    private static TimelineEntry last(SubjectRequest request) {
        return request.timeline().getLast();
    }

    @Test
    void aFiledRequestWaitsForVerificationWithTheContactAsGiven() {
        SubjectRequest request = filed(null);

        assertThat(request.status()).isEqualTo(RequestStatus.PENDING_VERIFICATION);
        assertThat(request.reference()).isEqualTo("DSR-2026-000042");
        assertThat(request.receivedAt()).isEqualTo(FILED);
        assertThat(request.contact().emailAsGiven()).isEqualTo("Aigerim@Example.KZ");
        assertThat(request.contact().email().normalised()).isEqualTo("aigerim@example.kz");
        assertThat(request.contact().name()).isEqualTo("Aigerim");
        assertThat(request.contact().phone()).isNull();
        assertThat(request.deadline().isSet()).isFalse();
        assertThat(request.decision().isMade()).isFalse();
        assertThat(request.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.FILED);
            assertThat(entry.toStatus()).isEqualTo(RequestStatus.PENDING_VERIFICATION);
            assertThat(entry.visibleToSubject()).isTrue();
        });
    }

    @Test
    void verificationOpensTheCaseAndItsDeadlineStarts() {
        SubjectRequest request = verifiedCase();

        assertThat(request.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(request.verifiedAt()).isEqualTo(VERIFIED);
        assertThat(request.accessTokenHash()).isEqualTo("token-hash");
        CaseDeadline deadline = request.deadline();
        assertThat(deadline.isSet()).isTrue();
        assertThat(deadline.jurisdiction()).isEqualTo("KZ");
        assertThat(deadline.policy()).isEqualTo(POLICY.id());
        assertThat(deadline.basis()).isEqualTo(Basis.STATUTORY);
        assertThat(deadline.citation()).isEqualTo("test citation");
        assertThat(deadline.dueLastDay()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-04-01T18:59:59Z"));
        assertThat(last(request).kind()).isEqualTo(TimelineEntry.Kind.DEADLINE_SET);
    }

    @Test
    void onlyAPendingRequestCanBeVerified() {
        SubjectRequest request = verifiedCase();

        assertThatThrownBy(() -> request.markVerified(LATER, "other"))
                .isInstanceOf(RequestLifecycle.IllegalTransition.class);
        assertThat(request.accessTokenHash()).isEqualTo("token-hash");
    }

    @Test
    void assigningAnOpenCasePutsItInReview() {
        SubjectRequest request = verifiedCase();

        request.assign("officer-1", "lead", LATER);

        assertThat(request.assignee()).isEqualTo("officer-1");
        assertThat(request.status()).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(last(request).kind()).isEqualTo(TimelineEntry.Kind.ASSIGNED);
        assertThat(last(request).visibleToSubject()).isFalse();
    }

    @Test
    void anUnverifiedRequestIsNoCaseToAssign() {
        SubjectRequest request = filed(null);

        assertThatThrownBy(() -> request.assign("officer-1", "lead", LATER))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        e -> assertThat(e.facts()).containsEntry("currentStatus", "PENDING_VERIFICATION"));
        assertThat(request.assignee()).isNull();
    }

    @Test
    void aQuestionPausesTheCaseUntilTheSubjectAnswers() {
        SubjectRequest request = verifiedCase();

        request.ask("Which account?", "officer-1", LATER);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SUBJECT);
        assertThat(request.deadline().pausedSince()).isEqualTo(LATER);
        assertThat(request.deadline().dueLastDay()).isEqualTo(DEADLINE.lastDay());

        Instant answered = LATER.plus(Duration.ofDays(2));
        Instant waitingSince = request.answer("The one with my phone.", answered);

        assertThat(waitingSince).isEqualTo(LATER);
        assertThat(request.status()).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(request.deadline().pausedSince()).isNull();
        assertThat(last(request).kind()).isEqualTo(TimelineEntry.Kind.ANSWER);
        assertThat(last(request).note()).isEqualTo("The one with my phone.");
    }

    @Test
    void aNewDeadlineKeepsTheWaitThatIsRunning() {
        SubjectRequest request = verifiedCase();
        request.ask("Which account?", "officer-1", LATER);
        Deadline extended = new Deadline(POLICY, LocalDate.parse("2026-05-01"), Instant.parse("2026-05-01T18:59:59Z"),
                1, 0);

        request.extend(extended, "complex case", "officer-1", LATER);

        assertThat(request.deadline().dueLastDay()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(request.deadline().extensionsGranted()).isEqualTo(1);
        assertThat(request.deadline().jurisdiction()).isEqualTo("KZ");
        assertThat(request.deadline().pausedSince()).isEqualTo(LATER);
    }

    @Test
    void anAnswerDoesNotReopenADecidedCase() {
        SubjectRequest request = verifiedCase();
        request.approve(null, "officer-1", LATER);

        assertThatThrownBy(() -> request.answer("too late", LATER))
                .isInstanceOf(RequestLifecycle.IllegalTransition.class);
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void approvalRecordsWhoDecidedAndWhen() {
        SubjectRequest request = verifiedCase();

        request.approve("all fine", "officer-1", LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        Decision decision = request.decision();
        assertThat(decision.isMade()).isTrue();
        assertThat(decision.decidedBy()).isEqualTo("officer-1");
        assertThat(decision.decidedAt()).isEqualTo(LATER);
        assertThat(decision.rejectionBasis()).isNull();
        assertThat(decision.cancellationReason()).isNull();
        assertThat(request.closedAt()).isNull();
    }

    @Test
    void rejectionClosesTheCaseWithItsLegalBasisAndEndsTheWait() {
        SubjectRequest request = verifiedCase();
        request.ask("Which account?", "officer-1", LATER);

        request.reject(RejectionBasis.IDENTITY_NOT_PROVEN, "no answer", "officer-1", LATER.plusSeconds(60));

        assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(request.closedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(request.decision().rejectionBasis()).isEqualTo(RejectionBasis.IDENTITY_NOT_PROVEN);
        assertThat(request.decision().reason()).isEqualTo("no answer");
        assertThat(request.deadline().pausedSince()).isNull();
        assertThat(last(request).note()).isEqualTo("IDENTITY_NOT_PROVEN: no answer");
    }

    @Test
    void cancellationClosesTheCaseWithItsReason() {
        SubjectRequest request = verifiedCase();

        request.cancel(CancellationReason.WITHDRAWN_BY_SUBJECT, null, "officer-1", LATER);

        assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(request.decision().cancellationReason()).isEqualTo(CancellationReason.WITHDRAWN_BY_SUBJECT);
        assertThat(request.decision().decidedBy()).isEqualTo("officer-1");
        assertThat(request.closedAt()).isEqualTo(LATER);
        assertThat(last(request).note()).isEqualTo("WITHDRAWN_BY_SUBJECT");
    }

    @Test
    void aClosedCaseRefusesFurtherWork() {
        SubjectRequest request = verifiedCase();
        request.reject(RejectionBasis.NO_DATA_HELD, "nothing held", "officer-1", LATER);
        int entries = request.timeline().size();

        assertThatThrownBy(() -> request.approve(null, "officer-2", LATER))
                .isInstanceOf(RequestLifecycle.IllegalTransition.class);
        assertThatThrownBy(() -> request.cancel(CancellationReason.DUPLICATE, null, "officer-2", LATER))
                .isInstanceOf(RequestLifecycle.IllegalTransition.class);
        assertThatThrownBy(() -> request.extend(DEADLINE, "late", "officer-2", LATER))
                .isInstanceOf(CaseRuleViolation.class);
        assertThatThrownBy(() -> request.assign("officer-2", "lead", LATER)).isInstanceOf(CaseRuleViolation.class);
        assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(request.decision().decidedBy()).isEqualTo("officer-1");
        assertThat(request.timeline()).hasSize(entries);
    }

    @Test
    void anApprovedCaseCannotBeRejected() {
        SubjectRequest request = verifiedCase();
        request.approve(null, "officer-1", LATER);

        assertThatThrownBy(() -> request.reject(RejectionBasis.OTHER_LEGAL_GROUND, "changed mind", "officer-1", LATER))
                .isInstanceOfSatisfying(RequestLifecycle.IllegalTransition.class, e -> {
                    assertThat(e.from()).isEqualTo(RequestStatus.APPROVED);
                    assertThat(e.to()).isEqualTo(RequestStatus.REJECTED);
                });
        assertThat(request.decision().rejectionBasis()).isNull();
    }

    @Test
    void executionRunsFromApprovalToCompletion() {
        SubjectRequest request = verifiedCase();
        request.approve(null, "officer-1", LATER);

        request.startExecution(LATER);
        request.startExecution(LATER); // a retried claim of an execution already running
        request.completeExecution("3 leads erased", LATER.plusSeconds(5));

        assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.closedAt()).isEqualTo(LATER.plusSeconds(5));
        assertThat(last(request).kind()).isEqualTo(TimelineEntry.Kind.EXECUTED);
        assertThat(last(request).note()).isEqualTo("3 leads erased");
    }

    @Test
    void confirmingThePhoneNeedsAPhone() {
        SubjectRequest request = filed(null);
        request.markVerified(VERIFIED, "token-hash");

        assertThatThrownBy(() -> request.confirmPhone("officer-1", LATER))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.UNPROCESSABLE);
                    assertThat(e.code()).isEqualTo("no-phone");
                });
        assertThat(request.phoneConfirmed()).isFalse();
    }

    @Test
    void anOfficerConfirmsTheSubjectsPhoneBeforeTheDecision() {
        SubjectRequest request = verifiedCase();

        request.confirmPhone("officer-1", LATER);

        assertThat(request.phoneConfirmed()).isTrue();
        assertThat(request.contact().phone()).isEqualTo(new PhoneNumber("+77011234567"));
        assertThat(last(request).kind()).isEqualTo(TimelineEntry.Kind.MATCH_CONFIRMED);

        SubjectRequest decided = verifiedCase();
        decided.approve(null, "officer-1", LATER);
        assertThatThrownBy(() -> decided.confirmPhone("officer-1", LATER)).isInstanceOf(CaseRuleViolation.class);
        assertThat(decided.phoneConfirmed()).isFalse();
    }

    @Test
    void reductionErasesTheContactButKeepsTheSubjectKeyAndTheDecision() {
        SubjectRequest request = verifiedCase();
        request.ask("Which account?", "officer-1", LATER);
        request.reject(RejectionBasis.IDENTITY_NOT_PROVEN, "no answer", "officer-1", LATER);
        Instant reducedAt = LATER.plus(Duration.ofDays(365));

        request.reduceToProof(reducedAt);

        assertThat(request.contact().isErased()).isTrue();
        assertThat(request.contact().email()).isNull();
        assertThat(request.contact().name()).isNull();
        assertThat(request.contact().phone()).isNull();
        assertThat(request.detailsJson()).isNull();
        assertThat(request.accessTokenHash()).isNull();
        assertThat(request.personalDataErasedAt()).isEqualTo(reducedAt);
        assertThat(request.subjectKey()).isEqualTo("subject-key");
        assertThat(request.decision().rejectionBasis()).isEqualTo(RejectionBasis.IDENTITY_NOT_PROVEN);
        assertThat(request.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.QUESTION)
                .singleElement().satisfies(e -> assertThat(e.note()).isNull());
        assertThat(last(request).kind()).isEqualTo(TimelineEntry.Kind.REDUCED);
    }

    @Test
    void anOpenCaseIsNotReduced() {
        SubjectRequest request = verifiedCase();

        assertThatThrownBy(() -> request.reduceToProof(LATER)).isInstanceOf(CaseRuleViolation.class);
        assertThat(request.contact().name()).isEqualTo("Aigerim");
    }

    @Test
    void anExpiredRequestLosesAllItsPersonalData() {
        SubjectRequest request = filed(PhoneNumber.parse("+77011234567"));

        request.expire(LATER, "system:expiry");

        assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(request.contact().isErased()).isTrue();
        assertThat(request.subjectKey()).isNull();
        assertThat(request.closedAt()).isEqualTo(LATER);
    }

    @Test
    void aReissuedTokenIsPendingUntilItsFirstUse() {
        SubjectRequest request = verifiedCase();

        request.reissueAccessToken("new-hash");
        assertThat(request.accessTokenHash()).isEqualTo("token-hash");
        assertThat(request.accessTokenPendingHash()).isEqualTo("new-hash");

        request.promotePendingAccessToken();
        assertThat(request.accessTokenHash()).isEqualTo("new-hash");
        assertThat(request.accessTokenPendingHash()).isNull();

        request.promotePendingAccessToken(); // nothing pending: the token stays
        assertThat(request.accessTokenHash()).isEqualTo("new-hash");
    }

    @Test
    void noTokenIsReissuedBeforeVerificationOrAfterExpiryOrReduction() {
        SubjectRequest pending = filed(null);
        assertThatThrownBy(() -> pending.reissueAccessToken("h"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("not-verified"));

        SubjectRequest expired = filed(null);
        expired.expire(LATER, "system:expiry");
        assertThatThrownBy(() -> expired.reissueAccessToken("h"))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("request-expired"));

        SubjectRequest reduced = verifiedCase();
        reduced.cancel(CancellationReason.DUPLICATE, "dup", "officer-1", LATER);
        reduced.reduceToProof(LATER);
        assertThatThrownBy(() -> reduced.reissueAccessToken("h"))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("request-reduced"));
        assertThat(reduced.accessTokenPendingHash()).isNull();
    }

    @Test
    void openCaseMeansVerifiedAndNotClosed() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.isOpenCase()).as(status.name()).isEqualTo(status.isVerified() && !status.isTerminal());
            assertThat(RequestStatus.OPEN_CASE.contains(status)).isEqualTo(status.isOpenCase());
        }
    }
}
