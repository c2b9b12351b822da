package kz.region715.dsr.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.region715.dsr.lead.LeadResource;
import org.junit.jupiter.api.Test;

/** On the lead store's resource (a resource class of the tests' own would be served by the tests' Quarkus). */
class RouteTemplatesTest {

    private final RouteTemplates routes = RouteTemplates.of(List.of(LeadResource.class));

    @Test
    void theTemplatesAreThoseOfTheResourceMethods() {
        assertThat(routes.templates()).containsExactlyInAnyOrder("/api/v1/leads", "/api/v1/leads/batch",
                "/api/v1/leads/{id}", "/api/v1/leads/{id}/legal-hold", "/api/v1/leads/{id}/disclosures");
    }

    @Test
    void aTemplateIsNormalised() {
        assertThat(RouteTemplates.normalise("/api/v1/leads" + "/" + "{id: [0-9a-f-]+}/")).isEqualTo("/api/v1/leads/{id}");
        assertThat(RouteTemplates.normalise("/" + "/")).isEqualTo("/");
    }

    @Test
    void aTemplateIsKeptAndAPathAsSentBecomesItsTemplate() {
        assertThat(routes.label("/api/v1/leads/{id}")).isEqualTo("/api/v1/leads/{id}");
        assertThat(routes.label("root")).isEqualTo("root");
        // ids whatever their first character: the shape of a segment decides nothing
        assertThat(routes.label("/api/v1/leads/abcdef01-2345-4789-8abc-def012345678"))
                .isEqualTo("/api/v1/leads/{id}");
        assertThat(routes.label("/api/v1/leads/1b4e28ba-2fa1-11d2-883f-0016d3cca427/legal-hold"))
                .isEqualTo("/api/v1/leads/{id}/legal-hold");
        assertThat(routes.label("/api/v1/leads/aigerim@example.kz")).isEqualTo("/api/v1/leads/{id}");
        // a literal beats a parameter
        assertThat(routes.label("/api/v1/leads/batch")).isEqualTo("/api/v1/leads/batch");
    }

    @Test
    void aPathUnderNoTemplateIsUnknown() {
        assertThat(routes.label("/api/v1/leads/abcdef01-2345-4789-8abc-def012345678/secret")).isEqualTo("UNKNOWN");
        assertThat(routes.label("/api/v1/abcdef01")).isEqualTo("UNKNOWN");
        assertThat(routes.label("/api/v1/leads/")).isEqualTo("UNKNOWN");
        assertThat(routes.label("/api/v1/leads//legal-hold")).isEqualTo("UNKNOWN");
        assertThat(routes.label("NOT_FOUND")).isEqualTo("UNKNOWN");
        assertThat(routes.label("REDIRECTION")).isEqualTo("UNKNOWN");
        assertThat(routes.label("/api/v1/cases/%00")).isEqualTo("UNKNOWN");
        assertThat(routes.label("leads")).isEqualTo("UNKNOWN");
    }
}
