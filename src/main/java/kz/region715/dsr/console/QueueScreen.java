package kz.region715.dsr.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.region715.dsr.casework.CaseQuery;
import kz.region715.dsr.casework.CaseQueue;
import kz.region715.dsr.casework.CaseSummary;
import kz.region715.dsr.platform.http.QueryParams;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;

/** The officer's queue as the console shows it: the API's queue and filters, with each case's days left. */
@ApplicationScoped
public class QueueScreen {

    /** Working days left at or below which a case is urgent (amber); past its due date it is overdue (red). */
    static final int URGENT_DAYS = 2;
    private static final int PAGE = 50;

    private final CaseQueue queue;
    private final Clock clock;

    QueueScreen(CaseQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** The filters as typed; blank means any. */
    public record Filters(String status, String type, String assignee, boolean unassigned, boolean overdue,
            String dueWithin, String cursor) {
    }

    /** A queue row with its urgency: {@code overdue}, {@code urgent}, {@code ok} or {@code closed}. */
    public record Row(CaseSummary item, String urgency) {
    }

    public record View(Filters filters, List<Row> rows, String nextCursor) {
    }

    /** @throws kz.region715.dsr.platform.domain.DomainRuleViolation (INVALID) naming each bad filter */
    public View show(Filters filters) {
        QueryParams parse = new QueryParams();
        List<RequestStatus> statuses = parse.each("status", blank(filters.status()) ? null : List.of(filters.status()),
                RequestStatus::valueOf);
        List<RequestType> types = parse.each("type", blank(filters.type()) ? null : List.of(filters.type()),
                RequestType::valueOf);
        String assignee = parse.text("assignee", blank(filters.assignee()) ? null : filters.assignee().strip(), 100);
        String days = parse.matching("dueWithin", blank(filters.dueWithin()) ? null : filters.dueWithin().strip(),
                "[0-9]{1,3}", "must be a number of days from 0 to 999");
        String cursor = parse.text("cursor", blank(filters.cursor()) ? null : filters.cursor(), 200);
        parse.done();
        Instant dueBefore = days == null ? null : clock.instant().plus(Duration.ofDays(Long.parseLong(days)));
        CaseSummary.Page page = queue.list(new CaseQuery(statuses, types, assignee,
                filters.unassigned() ? Boolean.TRUE : null, filters.overdue() ? Boolean.TRUE : null, dueBefore,
                null, null, null, cursor, PAGE));
        List<Row> rows = page.items().stream().map(item -> new Row(item, urgency(item))).toList();
        return new View(filters, rows, page.nextCursor());
    }

    static String urgency(CaseSummary item) {
        if (!RequestStatus.OPEN_CASE.contains(item.status()) || item.dueAt() == null) {
            return "closed";
        }
        return item.overdue() ? "overdue" : item.workingDaysLeft() <= URGENT_DAYS ? "urgent" : "ok";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
