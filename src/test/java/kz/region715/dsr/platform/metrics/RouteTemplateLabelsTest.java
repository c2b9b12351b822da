package kz.region715.dsr.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTemplateLabelsTest {

    @Test
    void templatesAreKeptAndPathsAsSentAreNot() {
        assertThat(RouteTemplateLabels.isTemplate("/api/v1/cases/{id}/approval")).isTrue();
        assertThat(RouteTemplateLabels.isTemplate("/api/v1/admin/outbox")).isTrue();
        assertThat(RouteTemplateLabels.isTemplate("NOT_FOUND")).isTrue();
        assertThat(RouteTemplateLabels.isTemplate("/api/v1/admin/outbox/1b4e28ba-2fa1-11d2-883f-0016d3cca427/requeue"))
                .isFalse();
        assertThat(RouteTemplateLabels.isTemplate("/api/v1/requests/aigerim@example.kz")).isFalse();
        assertThat(RouteTemplateLabels.isTemplate("/api/v1/leads/12345")).isFalse();
        assertThat(RouteTemplateLabels.isTemplate("/api/v1/cases/%00")).isFalse();
    }
}
