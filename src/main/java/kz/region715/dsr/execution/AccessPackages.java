package kz.region715.dsr.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.breach.SubjectBreaches;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.lead.Lead;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.lead.LeadConfig;
import kz.region715.dsr.lead.LeadView;
import kz.region715.dsr.lead.SubjectLeads;
import kz.region715.dsr.lead.SubjectMatch;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.request.RequestConfig;
import kz.region715.dsr.request.RequestEvents;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.RequestService;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.ProcessingPurpose;
import org.jboss.logging.Logger;

/**
 * Access packages: built from the subject's leads (batch by batch) and the
 * service's own records when an ACCESS request is executed, downloaded with a
 * token from the completion e-mail until the link expires, and purged then.
 */
@ApplicationScoped
public class AccessPackages {

    private static final Logger LOG = Logger.getLogger(AccessPackages.class);
    static final String TOKEN_PURPOSE = "access-package";

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final RequestService requestService;
    private final LeadActions actions;
    private final SubjectLeads subjectLeads;
    private final Secrets secrets;
    private final ObjectMapper json;
    private final ExecutionConfig config;
    private final LeadConfig leadConfig;
    private final RequestConfig requestConfig;
    private final OperatorConfig operator;
    private final Clock clock;
    private final AuditTrail audit;
    private final JobRounds rounds;
    private final SubjectBreaches subjectBreaches;

    AccessPackages(EntityManager em, SubjectRequestRepository requests, RequestService requestService,
            LeadActions actions, SubjectLeads subjectLeads, Secrets secrets,
            ObjectMapper json, ExecutionConfig config, LeadConfig leadConfig, RequestConfig requestConfig,
            OperatorConfig operator, Clock clock, AuditTrail audit, JobRounds rounds,
            SubjectBreaches subjectBreaches) {
        this.em = em;
        this.requests = requests;
        this.requestService = requestService;
        this.actions = actions;
        this.subjectLeads = subjectLeads;
        this.secrets = secrets;
        this.json = json;
        this.config = config;
        this.leadConfig = leadConfig;
        this.requestConfig = requestConfig;
        this.operator = operator;
        this.clock = clock;
        this.audit = audit;
        this.rounds = rounds;
        this.subjectBreaches = subjectBreaches;
    }

    /** The token (only its hash is kept) and the end of its validity. */
    record Issued(String token, Instant expiresAt) {
    }

    /** Builds and stores the package of an ACCESS request, in the caller's transaction. */
    Issued issue(SubjectRequest request, SubjectMatch match, Instant now) {
        Instant expiresAt = now.plus(config.packageValidity());
        PackageContent content = build(request, match, now, expiresAt);
        String token = secrets.newToken();
        AccessPackage existing = em.find(AccessPackage.class, request.id());
        if (existing != null) {
            em.remove(existing); // a retried execution issues a fresh package and link
            em.flush();
        }
        try {
            em.persist(new AccessPackage(request.id(), json.writeValueAsString(content),
                    secrets.keyedHash(TOKEN_PURPOSE, token), now, expiresAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("access package not serialisable", e);
        }
        audit.record(AuditEventType.PACKAGE_ISSUED, ExecutionWorker.ACTOR, request.reference(), request.subjectKey(),
                AuditTrail.details("leads", content.leads().size(), "expiresAt", expiresAt));
        return new Issued(token, expiresAt);
    }

    private PackageContent build(SubjectRequest request, SubjectMatch match, Instant now, Instant expiresAt) {
        String lang = request.locale().tag();
        PackageMessages words = words(lang);
        List<PackageContent.LeadData> leads = new ArrayList<>();
        Set<String> consented = new LinkedHashSet<>();
        Map<DataSource, Long> bySource = new EnumMap<>(DataSource.class);
        List<PackageContent.Recipient> recipients = new ArrayList<>();
        if (match.identifiesAnyone()) {
            UUID after = null;
            while (true) {
                List<Lead> batch = subjectLeads.batchAfter(match, null, after, config.batchSize(),
                        SubjectLeads.Purpose.READ);
                for (Lead lead : batch) {
                    LeadView view = actions.view(lead);
                    List<PackageContent.Recipient> disclosed = view.disclosures().stream()
                            .map(d -> new PackageContent.Recipient(d.recipient(), d.purpose(), d.legalBasis(),
                                    d.disclosedOn()))
                            .toList();
                    recipients.addAll(disclosed);
                    PackageContent.Consent consent = view.consent() == null ? null : new PackageContent.Consent(
                            view.consent().at(), view.consent().policyVersion(), view.consent().purposes());
                    if (consent != null && view.flags().consentWithdrawnAt() == null) {
                        consented.addAll(consent.purposes());
                    }
                    bySource.merge(lead.source(), 1L, Long::sum);
                    leads.add(new PackageContent.LeadData(lead.id(), lead.source(), sourceLabel(words, lead.source()),
                            lead.receivedAt(), lead.name(), lead.phone(), lead.email(), lead.message(),
                            lead.ipAddress(), lead.cookieId(), lead.telegramUserId(), consent, lead.retentionUntil(),
                            processing(words, view.flags()), disclosed));
                }
                if (batch.size() < config.batchSize()) {
                    break;
                }
                after = batch.getLast().id();
            }
        }
        List<PackageContent.Purpose> purposes = new ArrayList<>();
        for (ProcessingPurpose purpose : ProcessingPurpose.values()) {
            purposes.add(new PackageContent.Purpose(purpose.name(), "3." + (purpose.ordinal() + 1),
                    purposeLabel(words, purpose), consented.contains(purpose.name())));
        }
        List<PackageContent.Source> sources = bySource.entrySet().stream()
                .map(e -> new PackageContent.Source(e.getKey(), sourceLabel(words, e.getKey()), e.getValue()))
                .toList();
        Locale locale = request.locale().toLocale();
        List<PackageContent.StoragePeriod> storage = List.of(
                new PackageContent.StoragePeriod(words.storage_leads_data(),
                        words.storage_leads(leadConfig.retention().toDays())),
                new PackageContent.StoragePeriod(words.storage_ip_data(),
                        words.storage_ip(leadConfig.ipRetention().toDays())),
                new PackageContent.StoragePeriod(words.storage_requests_data(),
                        words.storage_requests(requestConfig.retentionAfterClosure().toDays())),
                new PackageContent.StoragePeriod(words.storage_package_data(),
                        words.storage_package(date(expiresAt, locale))));
        List<PackageContent.OwnRequest> own = request.subjectKey() == null ? List.of()
                : requests.ofSubject(request.subjectKey(), 1000).stream()
                        .map(r -> new PackageContent.OwnRequest(r.reference(), r.type(), r.status(), r.receivedAt(),
                                r.closedAt()))
                        .toList();
        List<PackageContent.Breach> breaches = subjectBreaches.of(leads.stream().map(PackageContent.LeadData::id)
                        .toList(), match.emailKey()).stream()
                .map(b -> new PackageContent.Breach(b.reference(), b.detectedAt(),
                        b.categories().stream().map(Enum::name).toList(),
                        b.categories().stream().map(c -> categoryLabel(words, c)).toList(), b.description(),
                        b.measuresTaken(), b.notifiedAt()))
                .toList();
        return new PackageContent(request.reference(), lang, now,
                new PackageContent.Operator(operator.name(), operator.contactEmail(),
                        operator.privacyPolicyUrl().toString()),
                request.contact().emailAsGiven(), leads, purposes, sources, storage, recipients, own, breaches);
    }

    private static String categoryLabel(PackageMessages words, DataCategory category) {
        return switch (category) {
            case NAME -> words.field_name();
            case PHONE -> words.field_phone();
            case EMAIL -> words.field_email();
            case MESSAGE -> words.field_message();
            case IP_ADDRESS -> words.field_ip();
            case COOKIE -> words.field_cookie();
        };
    }

    /** What a download link leads to. */
    sealed interface Download permits Ready, Expired, NotFound {
    }

    record Ready(PackageContent content, String json) implements Download {
    }

    record Expired(String language, Instant expiredAt) implements Download {
    }

    /** No package for this link or token, and why (the same for an unknown id and a wrong token). */
    record NotFound(String detail) implements Download {
    }

    /**
     * The package, for the holder of its token; the download is recorded. An
     * expired link answers when it expired; an unknown id or a wrong token, not found.
     */
    @Transactional
    public Download download(UUID requestId, String token) {
        AccessPackage found = em.find(AccessPackage.class, requestId);
        if (found == null || token == null || !secrets.matches(TOKEN_PURPOSE, token, found.tokenHash())) {
            return new NotFound(
                    "No access package for this link; check that the whole link from the e-mail was opened.");
        }
        return open(found, requests.require(requestId));
    }

    /**
     * The package, for the holder of the request's own access token (the status
     * page): the same package and expiry as the e-mailed link. Not found while
     * there is no package, as for a wrong token.
     */
    @Transactional
    public Download downloadAsSubject(UUID requestId, String accessToken) {
        SubjectRequest request = requestService.subjectAccess(requestId, accessToken).orElse(null);
        if (request == null) {
            return new NotFound(RequestService.NO_SUBJECT_ACCESS);
        }
        AccessPackage found = em.find(AccessPackage.class, requestId);
        if (found == null) {
            return new NotFound("This request has no access package (yet).");
        }
        return open(found, request);
    }

    private Download open(AccessPackage found, SubjectRequest request) {
        Instant now = clock.instant();
        if (found.isExpired(now)) {
            return new Expired(request.locale().tag(), found.expiresAt());
        }
        em.lock(found, LockModeType.PESSIMISTIC_WRITE);
        found.downloaded(now);
        request.recordPackageDownload(now);
        try {
            return new Ready(json.readValue(found.content(), PackageContent.class), found.content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored access package is unreadable", e);
        }
    }

    /** The officer's view of the package: when issued, until when, how often downloaded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExecutionView.PackageInfo info(UUID requestId) {
        AccessPackage found = em.find(AccessPackage.class, requestId);
        return found == null ? null : new ExecutionView.PackageInfo(found.issuedAt(), found.expiresAt(),
                found.downloads(), found.lastDownloadedAt(), found.purgedAt());
    }

    @Scheduled(identity = "access-package-purge", every = "1h", delayed = "3m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Access package purge", () -> {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.infof("Access packages: %d expired packages purged", purged);
            }
        });
    }

    /** Deletes the content of packages whose link has expired; the record of issue and downloads stays. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            int purged = em.createQuery("update AccessPackage p"
                            + " set p.content = null, p.purgedAt = :now, p.version = p.version + 1"
                            + " where p.expiresAt <= :now and p.purgedAt is null")
                    .setParameter("now", now).executeUpdate();
            if (purged > 0) {
                audit.record(AuditEventType.PACKAGES_PURGED, "system:access-package-purge", null, null,
                        AuditTrail.details("packages", purged));
            }
            return purged;
        });
    }

    /** The service's own copies of a request are reduced: so is its package. */
    void onReduced(@Observes RequestEvents.Reduced event) {
        AccessPackage found = em.find(AccessPackage.class, event.requestId());
        if (found != null && found.purgedAt() == null) {
            found.purge(event.at());
        }
    }

    static PackageMessages words(String lang) {
        return MessageBundles.get(PackageMessages.class, Localized.Literal.of(lang));
    }

    private String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(operator.timeZone()).format(instant);
    }

    static String sourceLabel(PackageMessages words, DataSource source) {
        return switch (source) {
            case WEB_FORM -> words.source_web_form();
            case TELEGRAM_BOT -> words.source_telegram_bot();
        };
    }

    static String purposeLabel(PackageMessages words, ProcessingPurpose purpose) {
        return switch (purpose) {
            case FEEDBACK -> words.purpose_feedback();
            case SERVICE_PROVISION -> words.purpose_service_provision();
            case CONSULTING -> words.purpose_consulting();
            case SERVICE_IMPROVEMENT -> words.purpose_service_improvement();
            case SECURITY -> words.purpose_security();
        };
    }

    private static List<String> processing(PackageMessages words, LeadView.Flags flags) {
        List<String> labels = new ArrayList<>();
        if (flags.anonymisedAt() != null) {
            labels.add(words.processing_anonymised());
        }
        if (flags.restrictedAt() != null) {
            labels.add(words.processing_restricted());
        }
        if (flags.consentWithdrawnAt() != null) {
            labels.add(words.processing_withdrawn());
        }
        if (flags.legalHoldReason() != null) {
            labels.add(words.processing_legal_hold(flags.legalHoldReason()));
        }
        if (labels.isEmpty()) {
            labels.add(words.processing_active());
        }
        return labels;
    }
}
