package kz.region715.dsr.casework;

import static kz.region715.dsr.support.Cases.asOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.support.Cases;
import org.junit.jupiter.api.Test;

/** The work queue: filters, order by due date, keyset pages that hold while cases arrive. */
@QuarkusTest
class CaseQueueTest {

    @Inject
    Cases cases;

    // Receipt windows in the past that no other test uses (each run starts on an empty database),
    // so the queue can be filtered down to one test's cases.
    private static final Instant PAGING_WINDOW = Instant.parse("2021-01-04T03:00:00Z");
    private static final Instant FILTER_WINDOW = Instant.parse("2022-06-01T03:00:00Z");

    private static List<Instant> spread(Instant start, int count) {
        return IntStream.range(0, count).mapToObj(i -> start.plus(Duration.ofMinutes(37L * i))).toList();
    }

    @Test
    void pagesOverAThousandCasesStayConsistentWhileNewCasesArrive() {
        Instant start = PAGING_WINDOW;
        Instant end = start.plus(Duration.ofDays(40));
        Set<UUID> original = new HashSet<>(cases.verifiedCases(RequestType.ACCESS, spread(start, 700)));
        original.addAll(cases.verifiedCases(RequestType.WITHDRAWAL, spread(start.plusSeconds(11), 300)));
        assertThat(original).hasSize(1000);

        List<UUID> seen = new ArrayList<>();
        List<String> dueAts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asOfficer().queryParam("receivedFrom", start.toString()).queryParam("receivedTo", end.toString())
                    .queryParam("limit", "50");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(item -> {
                seen.add(UUID.fromString((String) item.get("id")));
                dueAts.add((String) item.get("dueAt"));
            });
            cursor = page.getString("nextCursor");
            // New cases arrive between pages, due both before and after the current position.
            cases.verifiedCases(RequestType.CORRECTION, List.of(start.plus(Duration.ofHours(pages)),
                    start.plus(Duration.ofDays(30)).plus(Duration.ofHours(pages))));
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(original);
        assertThat(dueAts).isSortedAccordingTo(String::compareTo);
        assertThat(pages).isGreaterThanOrEqualTo(20);
    }

    @Test
    void filtersNarrowTheQueue() {
        Instant start = FILTER_WINDOW;
        String from = start.toString();
        String to = start.plus(Duration.ofDays(1)).toString();
        List<UUID> access = cases.verifiedCases(RequestType.ACCESS, spread(start, 3));
        List<UUID> deletion = cases.verifiedCases(RequestType.DELETION, spread(start.plusSeconds(5), 2));

        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to))).containsExactlyInAnyOrderElementsOf(
                concat(access, deletion));
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "type", "DELETION")))
                .containsExactlyInAnyOrderElementsOf(deletion);
        // These cases were received in 2021: all overdue now.
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "overdue", "true"))).hasSize(5);
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "overdue", "false"))).isEmpty();
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "status", "OPEN", "unassigned", "true")))
                .hasSize(5);
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "status", "APPROVED"))).isEmpty();
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "dueBefore", start.toString()))).isEmpty();

        Cases.act(access.getFirst().toString(), "assignment", Map.of("assignee", "officer-7")).then().statusCode(200);
        assertThat(ids(Map.of("receivedFrom", from, "receivedTo", to, "assignee", "officer-7")))
                .containsExactly(access.getFirst());
        String reference = Cases.read(access.get(1).toString()).then().extract().path("reference");
        assertThat(ids(Map.of("reference", reference))).containsExactly(access.get(1));
    }

    private static List<UUID> ids(Map<String, String> filters) {
        var request = asOfficer().queryParam("limit", "200");
        filters.forEach(request::queryParam);
        List<String> ids = request.get("/api/v1/cases").then().statusCode(200).extract().path("items.id");
        return ids.stream().map(UUID::fromString).toList();
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
