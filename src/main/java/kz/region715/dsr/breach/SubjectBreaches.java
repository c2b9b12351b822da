package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.breach.domain.DataCategory;

/**
 * The breaches that involved a subject's data, for the subject's access package: those whose frozen set of
 * affected leads holds one of the subject's leads or their e-mail pseudonym.
 */
@ApplicationScoped
public class SubjectBreaches {

    private static final int CHUNK = 1000;

    /**
     * A breach as the subject reads it: its reference, when it was detected, which of their data (categories of the
     * privacy policy's section 2), what happened and what was done, and when they were notified (null: not yet).
     */
    public record Involvement(String reference, Instant detectedAt, List<DataCategory> categories,
            String description, String measuresTaken, Instant notifiedAt) {
    }

    private final BreachSubjects subjects;
    private final BreachRepository breaches;

    SubjectBreaches(BreachSubjects subjects, BreachRepository breaches) {
        this.subjects = subjects;
        this.breaches = breaches;
    }

    /** By detection, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Involvement> of(Collection<UUID> leadIds, String subjectKey) {
        Map<UUID, Set<DataCategory>> categories = new LinkedHashMap<>();
        Map<UUID, Instant> notified = new LinkedHashMap<>();
        List<UUID> ids = List.copyOf(leadIds);
        List<BreachSubjects.Involvement> rows = new ArrayList<>(subjects.involving(List.of(), subjectKey));
        for (int i = 0; i < ids.size(); i += CHUNK) { // a subject with many leads: a bounded IN list a statement
            rows.addAll(subjects.involving(ids.subList(i, Math.min(ids.size(), i + CHUNK)), null));
        }
        for (BreachSubjects.Involvement row : rows) {
            Set<DataCategory> set = categories.computeIfAbsent(row.breachId(), k -> EnumSet.noneOf(DataCategory.class));
            for (String code : row.categories().split(",")) {
                if (!code.isEmpty()) {
                    set.add(DataCategory.valueOf(code));
                }
            }
            if (row.notifiedAt() != null) {
                notified.merge(row.breachId(), row.notifiedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return categories.entrySet().stream().map(e -> {
            Breach b = breaches.find(e.getKey());
            return new Involvement(b.reference(), b.detectedAt(), List.copyOf(e.getValue()), b.description(),
                    b.measuresTaken(), notified.get(e.getKey()));
        }).sorted(Comparator.comparing(Involvement::detectedAt)).toList();
    }
}
