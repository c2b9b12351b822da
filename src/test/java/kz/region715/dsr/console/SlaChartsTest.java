package kz.region715.dsr.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts' layout: bars in proportion to their values on a round scale, every value also in the table. */
class SlaChartsTest {

    private static final List<SlaCharts.Series> TWO = List.of(new SlaCharts.Series("ontime", "On time"),
            new SlaCharts.Series("late", "Late"));

    @Test
    void stackedBarsAddUpOnARoundScale() {
        SlaCharts.Chart chart = SlaCharts.chart("on-time", "Closed", TWO, List.of("2026-11", "2026-12"),
                List.of(new double[] {6, 2}, new double[] {3, 0}), true);
        assertThat(chart.ticks().getLast().label()).isEqualTo("10");
        SlaCharts.Bar onTime = chart.groups().getFirst().bars().get(0);
        SlaCharts.Bar late = chart.groups().getFirst().bars().get(1);
        assertThat(onTime.height()).isCloseTo(3 * late.height(), org.assertj.core.data.Offset.offset(3));
        // The late part sits on top of the on-time part.
        assertThat(late.y() + late.height()).isEqualTo(onTime.y());
        assertThat(late.title()).isEqualTo("2026-11 · Late: 2");
        // A zero draws nothing but stays in the table.
        assertThat(chart.groups().get(1).bars()).hasSize(1);
        assertThat(chart.rows()).containsExactly(List.of("2026-11", "6", "2"), List.of("2026-12", "3", "0"));
    }

    @Test
    void barsSideBySideShareTheSlot() {
        SlaCharts.Chart chart = SlaCharts.chart("days", "Days", TWO, List.of("2026-12"),
                List.<double[]>of(new double[] {2.5, 7}), false);
        List<SlaCharts.Bar> bars = chart.groups().getFirst().bars();
        assertThat(bars.get(1).x()).isEqualTo(bars.get(0).x() + bars.get(0).width());
        assertThat(chart.rows().getFirst()).containsExactly("2026-12", "2.5", "7");
    }

    @Test
    void scalesAreRound() {
        assertThat(SlaCharts.niceCeiling(0)).isEqualTo(4);
        assertThat(SlaCharts.niceCeiling(7)).isEqualTo(10);
        assertThat(SlaCharts.niceCeiling(13)).isEqualTo(20);
        assertThat(SlaCharts.niceCeiling(230)).isEqualTo(250);
    }
}
