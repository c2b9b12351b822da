package kz.region715.dsr.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.casework.SlaReport;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.request.domain.RequestType;

/**
 * The SLA report (the API's {@code /api/v1/reports/sla}, one period per month) drawn as bar charts, laid out here so
 * that the page draws plain SVG rectangles: no script, no inline style, and every figure also in a table.
 */
@ApplicationScoped
public class SlaCharts {

    static final int MONTHS = 6;
    private static final int LEFT = 48;
    private static final int RIGHT = 630;
    private static final int TOP = 12;
    private static final int BOTTOM = 210;

    private final SlaReport report;
    private final Clock clock;
    private final ZoneId zone;

    SlaCharts(SlaReport report, Clock clock, OperatorConfig operator) {
        this.report = report;
        this.clock = clock;
        this.zone = operator.timeZone();
    }

    /** One rectangle, with its series (a CSS class), its value and a title a screen reader or a pointer reads. */
    public record Bar(String series, double value, String title, int x, int y, int width, int height) {
    }

    public record Group(String label, List<Bar> bars, int labelX) {
    }

    public record Tick(String label, int y) {
    }

    public record Series(String series, String label) {
    }

    /** Rows of the chart's table: the month and each series' value, in the order of {@code series}. */
    public record Chart(String id, String title, List<Series> series, List<Group> groups, List<Tick> ticks,
            List<List<String>> rows) {
    }

    public record View(int months, long overdueNow, List<Chart> charts) {
    }

    public View show(String language) {
        ConsoleMessages words = MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language));
        YearMonth now = YearMonth.from(clock.instant().atZone(zone));
        List<YearMonth> months = new ArrayList<>();
        List<SlaReport.View> reports = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            YearMonth month = now.minusMonths(i);
            months.add(month);
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            reports.add(report.report(from, to));
        }
        List<Series> types = new ArrayList<>();
        for (RequestType type : RequestType.values()) {
            types.add(new Series(type.name(), words.type(type)));
        }
        List<double[]> perType = new ArrayList<>();
        List<double[]> onTime = new ArrayList<>();
        List<double[]> toClose = new ArrayList<>();
        for (SlaReport.View month : reports) {
            Map<RequestType, Long> counts = new EnumMap<>(RequestType.class);
            month.cases().forEach(c -> counts.merge(c.type(), c.count(), Long::sum));
            double[] row = new double[types.size()];
            for (RequestType type : RequestType.values()) {
                row[type.ordinal()] = counts.getOrDefault(type, 0L);
            }
            perType.add(row);
            SlaReport.Closing closed = month.closed();
            onTime.add(new double[] {closed.count() - closed.afterDueDate(), closed.afterDueDate()});
            toClose.add(new double[] {days(closed.medianTimeToClose()), days(closed.p90TimeToClose())});
        }
        List<String> labels = months.stream().map(YearMonth::toString).toList();
        return new View(MONTHS, reports.getLast().overdueNow(), List.of(
                chart("per-month", words.chart_per_month(), types, labels, perType, true),
                chart("on-time", words.chart_on_time(), List.of(new Series("ontime", words.on_time()),
                        new Series("late", words.late())), labels, onTime, true),
                chart("days-to-close", words.chart_days_to_close(), List.of(new Series("median", words.median()),
                        new Series("p90", words.p90())), labels, toClose, false)));
    }

    private static double days(Duration duration) {
        return duration == null ? 0 : Math.round(duration.toHours() / 2.4) / 10.0;
    }

    /** Stacked bars (parts of a whole) or bars side by side (separate measures), scaled to a round maximum. */
    static Chart chart(String id, String title, List<Series> series, List<String> labels, List<double[]> values,
            boolean stacked) {
        double max = 0;
        for (double[] row : values) {
            double total = 0;
            for (double v : row) {
                total = stacked ? total + v : Math.max(total, v);
            }
            max = Math.max(max, total);
        }
        double top = niceCeiling(max);
        int slot = (RIGHT - LEFT) / labels.size();
        int barWidth = stacked ? slot * 3 / 5 : slot * 3 / 5 / series.size();
        List<Group> groups = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            int x = LEFT + g * slot + slot / 5;
            double base = 0;
            List<Bar> bars = new ArrayList<>();
            List<String> row = new ArrayList<>(List.of(labels.get(g)));
            for (int s = 0; s < series.size(); s++) {
                double v = values.get(g)[s];
                row.add(format(v));
                // Stacked parts are rounded at their edges, so that they meet without a gap or an overlap.
                int lower = stacked ? scaled(base, top) : 0;
                int upper = scaled(stacked ? base + v : v, top);
                int height = upper - lower;
                int y = BOTTOM - upper;
                int left = stacked ? x : x + s * barWidth;
                if (v > 0) {
                    bars.add(new Bar(series.get(s).series(), v, labels.get(g) + " · " + series.get(s).label() + ": "
                            + format(v), left, y, barWidth, height));
                }
                base += v;
            }
            groups.add(new Group(labels.get(g), bars, LEFT + g * slot + slot / 2));
            rows.add(row);
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            ticks.add(new Tick(format(top * i / 4), BOTTOM - (BOTTOM - TOP) * i / 4));
        }
        return new Chart(id, title, series, groups, ticks, rows);
    }

    private static int scaled(double value, double top) {
        return (int) Math.round(value / top * (BOTTOM - TOP));
    }

    static double niceCeiling(double max) {
        if (max <= 4) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
