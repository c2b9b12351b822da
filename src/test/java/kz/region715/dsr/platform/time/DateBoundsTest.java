package kz.region715.dsr.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateBoundsTest {

    @Test
    void isoTextWithinTheYearsIsRead() {
        assertThat(DateBounds.instant("2026-03-27T00:00:00Z")).isEqualTo(Instant.parse("2026-03-27T00:00:00Z"));
        assertThat(DateBounds.instant("2026-03-27T05:00:00+05:00")).isEqualTo(Instant.parse("2026-03-27T00:00:00Z"));
        assertThat(DateBounds.date("2026-03-27")).isEqualTo(LocalDate.of(2026, 3, 27));
    }

    @Test
    void theEdgesOfJavaTimeAndOtherTextAreRefusedWithoutQuotingIt() {
        for (String text : new String[] {"+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "1711497600", "2026-03-27", ""}) {
            assertThatThrownBy(() -> DateBounds.instant(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(DateBounds.INSTANT_RULE);
        }
        for (String text : new String[] {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "20260327", "x"}) {
            assertThatThrownBy(() -> DateBounds.date(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(DateBounds.DATE_RULE);
        }
    }
}
