package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.lead.AffectedLeads;
import kz.region715.dsr.request.domain.SubjectLocale;

/**
 * The notices to the people a breach affected, a round of people at a time ({@link SubjectNoticeRounds}): one per
 * person (e-mail pseudonym of the frozen set, else Telegram id pseudonym), to the address their lead holds when the
 * notice is queued (else in Telegram, to the chat of the Telegram user id their lead holds), in the language of their
 * lead (else the operator's default). Each is
 * claimed by an INSERT into breach_notice that does nothing when the person has one, in the transaction that queues
 * the mail under the claimed message id: a retry or a second replica never queues a second notice.
 */
@ApplicationScoped
class SubjectNotices {

    /** How many people were written to, and how many could not be. */
    record Outcome(long notified, long unreachable) {
    }

    /** What a round did: the last person it reached in pseudonym order, and whether no one is left after them. */
    record Step(String afterKey, boolean last) {
    }

    private final BreachSubjects subjects;
    private final AffectedLeads leads;
    private final Event<BreachEvents.SubjectNotice> notices;

    SubjectNotices(BreachSubjects subjects, AffectedLeads leads, Event<BreachEvents.SubjectNotice> notices) {
        this.subjects = subjects;
        this.leads = leads;
        this.notices = notices;
    }

    /** Claims and queues the notices of the next {@code size} people after {@code afterKey} (null: the first). */
    Step round(Breach breach, String afterKey, int size, Instant now) {
        List<String> keys = subjects.subjectKeysAfter(breach.id(), afterKey, size);
        if (!keys.isEmpty()) {
            notify(breach, subjects.leadsOf(breach.id(), keys), now);
        }
        return new Step(keys.isEmpty() ? afterKey : keys.getLast(), keys.size() < size);
    }

    /** The counts once every round is done: the people with a notice, and the others of the set. */
    Outcome outcome(UUID breachId) {
        long notified = subjects.notices(breachId);
        return new Outcome(notified, Math.max(0, subjects.people(breachId) - notified));
    }

    /** One batch of people, with their frozen leads in person order. */
    private void notify(Breach breach, List<BreachSubjects.Subject> frozen, Instant now) {
        Map<UUID, AffectedLeads.Reachable> reachable = new LinkedHashMap<>();
        leads.reachable(frozen.stream().map(BreachSubjects.Subject::leadId).toList())
                .forEach(r -> reachable.put(r.id(), r));
        Map<String, List<BreachSubjects.Subject>> byPerson = new LinkedHashMap<>();
        frozen.forEach(s -> byPerson.computeIfAbsent(s.subjectKey(), k -> new ArrayList<>()).add(s));
        byPerson.forEach((subjectKey, ofPerson) -> {
            List<AffectedLeads.Reachable> addresses = ofPerson.stream().map(s -> reachable.get(s.leadId()))
                    .filter(r -> r != null).toList();
            if (addresses.isEmpty()) {
                return; // erased, or no address left: counted as not reached
            }
            // by e-mail where a lead holds an address, else in Telegram (the person came through the bot)
            AffectedLeads.Reachable to = addresses.stream().filter(r -> r.email() != null).findFirst()
                    .orElse(addresses.getFirst());
            String lang = addresses.stream().map(AffectedLeads.Reachable::locale).filter(l -> l != null)
                    .findFirst().orElse(SubjectLocale.DEFAULT.tag());
            String name = addresses.stream().map(AffectedLeads.Reachable::name).filter(n -> n != null)
                    .findFirst().orElse(null);
            UUID messageId = UUID.randomUUID();
            if (subjects.claimNotice(breach.id(), subjectKey, messageId, lang, now)) {
                notices.fire(new BreachEvents.SubjectNotice(messageId, breach.reference(), subjectKey, to.email(),
                        name, lang, breach.detectedAt(), breach.description(), categories(ofPerson),
                        breach.measuresTaken(), breach.measuresPlanned(),
                        to.email() == null ? to.telegramUserId() : null));
            }
        });
    }

    /** The categories of the person's data involved, over all their leads, in the policy's order. */
    private static List<String> categories(List<BreachSubjects.Subject> ofPerson) {
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        ofPerson.forEach(s -> {
            for (String code : s.categories().split(",")) {
                if (!code.isEmpty()) {
                    all.add(DataCategory.valueOf(code));
                }
            }
        });
        return all.stream().map(Enum::name).toList();
    }
}
