package kz.region715.dsr.breach;

import java.util.List;
import kz.region715.dsr.breach.domain.BreachStatus;

/** Filters of the register; null or empty means "any". */
public record BreachQuery(List<BreachStatus> statuses, Boolean overdue, String cursor, int limit) {
}
