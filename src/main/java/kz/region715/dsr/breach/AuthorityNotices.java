package kz.region715.dsr.breach;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.operator.OperatorConfig;

/**
 * The notice of a breach to the authority, generated from the register as JSON or as a printable page in Russian,
 * Kazakh or English. Every generation is recorded in the audit trail under the breach's reference (format,
 * language, status, the count stated), since the document is what leaves the operator; recording that it was sent
 * stays {@link BreachService#recordAuthorityNotification}. It is generated in every status: before the notice is
 * sent (its purpose), after (a copy of what was sent), and for a breach recorded as not notifiable (the authority
 * may still ask), which the document then says.
 */
@ApplicationScoped
class AuthorityNotices {

    /** The page's languages; Russian unless asked otherwise. */
    static final String DEFAULT_LANGUAGE = "ru";

    private final BreachRepository breaches;
    private final BreachViews views;
    private final AuditTrail audit;
    private final Clock clock;
    private final OperatorConfig operator;
    private final SecurityIdentity identity;
    private final Template page;

    AuthorityNotices(BreachRepository breaches, BreachViews views, AuditTrail audit, Clock clock,
            OperatorConfig operator, SecurityIdentity identity,
            @Location("breach/authority-notice.html") Template page) {
        this.breaches = breaches;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.operator = operator;
        this.identity = identity;
        this.page = page;
    }

    /** The notice as JSON. */
    @Transactional
    AuthorityNoticeDocument json(UUID id) {
        return generate(id, "json", null);
    }

    /** The notice as a printable page in {@code language} (ru, kk, en). */
    @Transactional
    String html(UUID id, String language) {
        AuthorityNoticeDocument document = generate(id, "html", language);
        Locale locale = Locale.forLanguageTag(language);
        AuthorityNoticeMessages words = MessageBundles.get(AuthorityNoticeMessages.class,
                Localized.Literal.of(language));
        return page.data("p", new AuthorityNoticePage(document, language, words, operator.timeZone(), locale))
                .setLocale(locale).render();
    }

    private AuthorityNoticeDocument generate(UUID id, String format, String language) {
        Breach breach = breaches.find(id);
        if (breach == null) {
            throw DomainRuleViolation.notFound("No such breach.");
        }
        Instant now = clock.instant();
        AuthorityNoticeDocument document = document(views.of(breach, now), now);
        audit.record(AuditEventType.BREACH_AUTHORITY_NOTICE_GENERATED, identity.getPrincipal().getName(),
                breach.reference(), null, AuditTrail.details("format", format, "language", language,
                        "breachStatus", breach.status(), "affectedPeople", document.affectedPeople(),
                        "affectedPeopleCounted", document.affectedPeopleCounted()));
        return document;
    }

    private AuthorityNoticeDocument document(BreachView b, Instant now) {
        // The affected people: the count of the frozen set of affected leads once there is one, else the estimate.
        boolean counted = b.affected() != null;
        Integer affected = counted ? Math.toIntExact(b.affected().people()) : b.estimatedCount();
        return new AuthorityNoticeDocument(b.reference(), b.id(), b.status(), now, operator.timeZone().getId(),
                new AuthorityNoticeDocument.Operator(operator.name(), operator.bin().orElse(null),
                        operator.address().orElse(null), operator.contactEmail(), operator.phone().orElse(null)),
                b.responsible(), b.detectedAt(), b.discovery(), b.description(), b.dataCategories(), b.sources(),
                b.systems(), b.window(), b.estimatedCount(), affected, counted,
                b.assessment() == null ? null : b.assessment().text(), b.measuresTaken(), b.measuresPlanned(),
                b.authorityDeadline(), b.authorityNotice(), b.notNotifiable(), false);
    }
}
