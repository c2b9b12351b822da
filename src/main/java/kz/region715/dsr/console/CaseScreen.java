package kz.region715.dsr.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.casework.CaseMatches;
import kz.region715.dsr.casework.CaseService;
import kz.region715.dsr.casework.CaseView;
import kz.region715.dsr.casework.MatchesView;
import kz.region715.dsr.request.TimelineEntry;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;
import kz.region715.dsr.request.domain.RequestStatus;

/** A case as its console page shows it: the API's case view and matches, arranged for reading. */
@ApplicationScoped
public class CaseScreen {

    private final CaseService cases;
    private final CaseMatches matches;
    private final ObjectMapper json;

    CaseScreen(CaseService cases, CaseMatches matches, ObjectMapper json) {
        this.cases = cases;
        this.matches = matches;
        this.json = json;
    }

    /** One line of what the subject asked: a field path and its value. */
    public record Detail(String name, String value) {
    }

    /**
     * @param changed   the timeline entries after the last one the officer had seen (empty unless a conflict)
     * @param lastSeen  the id of the newest timeline entry shown, sent back with each action
     */
    public record View(CaseView item, String urgency, int daysLeft, List<Detail> details, List<CaseView.Event> messages,
            List<CaseView.Event> timeline, List<MatchesView.Match> leads, boolean open, long lastSeen,
            List<CaseView.Event> changed, List<RejectionBasis> bases, List<CancellationReason> cancellations) {
    }

    public View show(UUID id, Long seenBefore) {
        CaseView item = cases.get(id);
        List<CaseView.Event> timeline = item.timeline() == null ? List.of() : item.timeline();
        List<CaseView.Event> messages = timeline.stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.QUESTION || e.kind() == TimelineEntry.Kind.ANSWER)
                .toList();
        long lastSeen = timeline.stream().mapToLong(CaseView.Event::id).max().orElse(0);
        List<CaseView.Event> changed = seenBefore == null ? List.of()
                : timeline.stream().filter(e -> e.id() > seenBefore).toList();
        boolean open = RequestStatus.OPEN_CASE.contains(item.status());
        String urgency = !open || item.deadline() == null ? "closed" : item.deadline().overdue() ? "overdue"
                : item.deadline().workingDaysLeft() <= QueueScreen.URGENT_DAYS ? "urgent" : "ok";
        int daysLeft = item.deadline() == null ? 0 : item.deadline().workingDaysLeft();
        return new View(item, urgency, daysLeft, details(item), messages, timeline.reversed(), matches.matches(id).leads(),
                open, lastSeen, changed, List.of(RejectionBasis.values()), List.of(CancellationReason.values()));
    }

    private List<Detail> details(CaseView item) {
        List<Detail> lines = new ArrayList<>();
        if (item.details() != null) {
            flatten("", json.valueToTree(item.details()), lines);
        }
        return lines;
    }

    private static void flatten(String path, JsonNode node, List<Detail> lines) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), lines);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", node.get(i), lines);
            }
        } else if (!node.isNull()) {
            lines.add(new Detail(path, node.asText()));
        }
    }
}
