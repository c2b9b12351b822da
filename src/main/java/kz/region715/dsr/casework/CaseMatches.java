package kz.region715.dsr.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.region715.dsr.lead.LeadService;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.TimelineEntry;

/**
 * The data that belongs to a case's subject: leads found by the verified
 * e-mail or Telegram account, and by the phone the subject gave once an officer confirmed it,
 * minus the leads an officer excluded; and what the service itself holds (the
 * subject's requests and the e-mails sent about them).
 */
@ApplicationScoped
public class CaseMatches {

    private final SubjectRequestRepository requests;
    private final LeadService leads;
    private final EntityManager em;

    CaseMatches(SubjectRequestRepository requests, LeadService leads, EntityManager em) {
        this.requests = requests;
        this.leads = leads;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchesView matches(UUID caseId) {
        SubjectRequest request = requests.findCase(caseId).orElseThrow(() -> DomainRuleViolation.notFound("No such case."));
        return new MatchesView(leadsOf(request), serviceRecords(request));
    }

    /** Whether the lead matched the case at all (by e-mail or phone). */
    boolean isMatch(SubjectRequest request, UUID leadId) {
        return leadsOf(request).stream().anyMatch(m -> m.lead().id().equals(leadId));
    }

    boolean isExcluded(UUID requestId, UUID leadId) {
        return em.find(MatchExclusion.class, new MatchExclusion.Key(requestId, leadId)) != null;
    }

    /** The leads an officer excluded from the case: they are not the subject's, whatever matched. */
    public Set<UUID> excludedLeads(UUID requestId) {
        return Set.copyOf(em.createQuery("select e.leadId from MatchExclusion e where e.requestId = :id", UUID.class)
                .setParameter("id", requestId).getResultList());
    }

    private List<MatchesView.Match> leadsOf(SubjectRequest request) {
        boolean phoneConfirmed = request.phoneConfirmed();
        Map<UUID, MatchExclusion> exclusions = em.createQuery("from MatchExclusion e where e.requestId = :id",
                        MatchExclusion.class)
                .setParameter("id", request.id())
                .getResultStream()
                .collect(Collectors.toMap(e -> e.leadId, Function.identity()));
        List<MatchesView.Match> matches = new ArrayList<>();
        for (LeadService.SubjectLead found : leads.leadsOf(request.emailKey(), request.telegramKey(),
                request.contact().phoneE164())) {
            List<String> by = new ArrayList<>();
            if (found.byEmail()) {
                by.add("EMAIL");
            }
            if (found.byTelegram()) {
                by.add("TELEGRAM");
            }
            if (found.byPhone()) {
                by.add("PHONE");
            }
            MatchExclusion exclusion = exclusions.get(found.lead().id());
            // the phone alone is only a suggestion until an officer confirms it
            boolean needsConfirmation = !found.byEmail() && !found.byTelegram() && !phoneConfirmed;
            boolean included = exclusion == null && !needsConfirmation;
            matches.add(new MatchesView.Match(by, included, needsConfirmation, exclusion == null ? null
                    : new MatchesView.Exclusion(exclusion.excludedBy, exclusion.excludedAt, exclusion.reason),
                    found.lead()));
        }
        return matches;
    }

    private MatchesView.ServiceRecords serviceRecords(SubjectRequest request) {
        List<SubjectRequest> own = request.subjectKey() == null ? List.of(request)
                : requests.ofSubject(request.subjectKey());
        List<MatchesView.OwnRequest> ownRequests = own.stream()
                .map(r -> new MatchesView.OwnRequest(r.id(), r.reference(), r.type(), r.status(), r.receivedAt()))
                .toList();
        List<MatchesView.OwnMail> mails = new ArrayList<>();
        for (SubjectRequest r : own) {
            for (TimelineEntry e : r.timeline()) {
                if (e.kind() == TimelineEntry.Kind.MAIL_SENT || e.kind() == TimelineEntry.Kind.MAIL_FAILED) {
                    mails.add(new MatchesView.OwnMail(r.id(), e.note(),
                            e.kind() == TimelineEntry.Kind.MAIL_SENT ? "SENT" : "FAILED", e.occurredAt()));
                }
            }
        }
        return new MatchesView.ServiceRecords(ownRequests, mails);
    }
}
