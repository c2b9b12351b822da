package kz.region715.dsr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.CalendarRules;
import kz.region715.dsr.deadline.domain.DeadlineCalculator;
import kz.region715.dsr.deadline.domain.DeadlinePolicy;
import kz.region715.dsr.deadline.domain.RuleBasedCalendar;
import kz.region715.dsr.deadline.domain.Term;
import kz.region715.dsr.deadline.domain.TermUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineDataTest {

    private static final String[] REQUEST_TYPES = {"ACCESS", "CORRECTION", "RESTRICTION", "DELETION", "WITHDRAWAL"};
    /** The breach register's term to notify the authority (package breach). */
    private static final String BREACH = "BREACH_AUTHORITY_NOTICE";

    @TempDir
    Path dataDir;

    @Test
    void shippedFilesLoadWithEveryRequestTypeForEveryJurisdiction() {
        DeadlineData data = DeadlineData.load(Optional.empty(), 10);
        assertThat(data.calendars()).containsOnlyKeys("EU", "KZ", "RU", "US-CA");
        Map<String, List<String>> types = data.policies().stream().collect(Collectors.groupingBy(
                DeadlinePolicy::jurisdiction, Collectors.mapping(DeadlinePolicy::requestType, Collectors.toList())));
        assertThat(types).containsOnlyKeys("EU", "KZ", "RU", "US-CA");
        // Every jurisdiction has a policy per request type; Kazakhstan also has the breach register's term.
        types.forEach((jurisdiction, list) -> assertThat(list.stream().filter(t -> !t.equals(BREACH)))
                .as(jurisdiction).containsExactlyInAnyOrder(REQUEST_TYPES));
        assertThat(types.get("KZ")).contains(BREACH);
        assertThat(data.policies()).allSatisfy(p -> assertThat(p.citation()).isNotBlank());
        assertThat(data.calendars().get("KZ").overrides().get(2026).source()).isEqualTo("none found");
    }

    @ParameterizedTest(name = "{0}/{1}: {2} {3}, {4}, extension {5} x{6}, pauses {7}, {8}")
    @CsvSource({
            "KZ, ACCESS, 10, WORKING_DAYS, VERIFICATION, 5, 1, true, INTERNAL_TARGET",
            "KZ, CORRECTION, 1, WORKING_DAYS, VERIFICATION, , 0, true, STATUTORY",
            "KZ, RESTRICTION, 1, WORKING_DAYS, VERIFICATION, , 0, false, STATUTORY",
            "KZ, DELETION, 1, WORKING_DAYS, VERIFICATION, , 0, true, STATUTORY",
            "KZ, WITHDRAWAL, 15, WORKING_DAYS, VERIFICATION, , 0, false, STATUTORY",
            "KZ, BREACH_AUTHORITY_NOTICE, 1, WORKING_DAYS, RECEIPT, , 0, false, STATUTORY",
            "EU, ACCESS, 1, MONTHS, RECEIPT, 2, 1, true, STATUTORY",
            "RU, ACCESS, 10, WORKING_DAYS, RECEIPT, 5, 1, false, STATUTORY",
            "RU, CORRECTION, 7, WORKING_DAYS, RECEIPT, , 0, true, STATUTORY",
            "RU, RESTRICTION, 1, WORKING_DAYS, RECEIPT, , 0, false, INTERNAL_TARGET",
            "RU, WITHDRAWAL, 30, CALENDAR_DAYS, RECEIPT, , 0, false, STATUTORY",
            "US-CA, ACCESS, 45, CALENDAR_DAYS, RECEIPT, 45, 1, false, STATUTORY",
            "US-CA, RESTRICTION, 15, WORKING_DAYS, RECEIPT, , 0, false, STATUTORY"})
    void shippedPolicyTable(String jurisdiction, String type, int amount, TermUnit unit, String clockStart,
            Integer extension, int maxExtensions, boolean pauses, Basis basis) {
        DeadlinePolicy policy = DeadlineData.load(Optional.empty(), 10).policies().stream()
                .filter(p -> p.id().equals(jurisdiction + "/" + type)).findFirst().orElseThrow();
        assertThat(policy.term()).isEqualTo(new Term(amount, unit));
        assertThat(policy.clockStart().name()).isEqualTo(clockStart);
        assertThat(policy.extension() == null ? null : policy.extension().amount()).isEqualTo(extension);
        assertThat(policy.maxExtensions()).isEqualTo(maxExtensions);
        assertThat(policy.pausesWhileAwaitingSubject()).isEqualTo(pauses);
        assertThat(policy.basis()).isEqualTo(basis);
    }

    @Test
    void anOperatorsCalendarWithAnExtraDayOffChangesTheDeadline() throws IOException {
        writeCalendar("KZ", shipped("calendars/KZ.json")
                .replaceFirst("\"extraDaysOff\": \\[\\]", "\"extraDaysOff\": [\"2026-03-26\"]")
                .replaceFirst("\"source\": \"none found\"", "\"source\": \"resolution No. 1 (test)\""));
        DeadlineData data = DeadlineData.load(Optional.of(dataDir), 10);
        assertThat(data.calendars().get("KZ").overrides().get(2026).source()).isEqualTo("resolution No. 1 (test)");

        DeadlineCalculator calculator = new DeadlineCalculator(new RuleBasedCalendar(data.calendars().get("KZ")),
                TestDeadlines.ALMATY);
        DeadlinePolicy correction = data.policies().stream().filter(p -> p.id().equals("KZ/CORRECTION"))
                .findFirst().orElseThrow();
        assertThat(calculator.start(correction, LocalDateTime.parse("2026-03-20T15:00")
                .atZone(TestDeadlines.ALMATY).toInstant()).lastDay()).isEqualTo("2026-03-27");
        // The other calendars and the policies are still the shipped ones.
        assertThat(data.policies()).hasSize(21);
        assertThat(data.calendars().get("RU").overrides()).containsKey(2026);
    }

    @Test
    void theServiceUsesTheDataFolderToo() throws IOException {
        writeCalendar("KZ", shipped("calendars/KZ.json")
                .replaceFirst("\"extraDaysOff\": \\[\\]", "\"extraDaysOff\": [\"2026-03-26\"]"));
        Deadlines deadlines = TestDeadlines.with(Optional.of(dataDir), 10);
        assertThat(deadlines.calendar("KZ").isWorkingDay(LocalDate.parse("2026-03-26"))).isFalse();
    }

    @Test
    void anOperatorsPoliciesFileReplacesTheShippedOneAsAWhole() throws IOException {
        Files.writeString(dataDir.resolve("policies.json"), """
                {"policies": [{"jurisdiction": "KZ", "requestType": "ACCESS",
                  "term": {"amount": 5, "unit": "WORKING_DAYS"}, "clockStart": "RECEIPT",
                  "pausesWhileAwaitingSubject": false, "basis": "STATUTORY", "citation": "test"}]}
                """);
        DeadlineData data = DeadlineData.load(Optional.of(dataDir), 10);
        assertThat(data.policies()).singleElement().satisfies(p -> {
            assertThat(p.term()).isEqualTo(new Term(5, TermUnit.WORKING_DAYS)); // STATUTORY: not replaced
            assertThat(p.clockStart().name()).isEqualTo("RECEIPT");
        });
        assertThat(data.calendars()).containsOnlyKeys("KZ");
    }

    @Test
    void accessTargetReplacesTheKazakhAccessTermOnly() {
        DeadlineData data = DeadlineData.load(Optional.empty(), 15);
        Map<String, DeadlinePolicy> byId = data.policies().stream()
                .collect(Collectors.toMap(DeadlinePolicy::id, p -> p));
        assertThat(byId.get("KZ/ACCESS").term()).isEqualTo(new Term(15, TermUnit.WORKING_DAYS));
        assertThat(byId.get("KZ/ACCESS").extension()).isEqualTo(new Term(5, TermUnit.WORKING_DAYS));
        assertThat(byId.get("RU/ACCESS").term()).isEqualTo(new Term(10, TermUnit.WORKING_DAYS));
        assertThat(byId.get("RU/RESTRICTION").term()).isEqualTo(new Term(1, TermUnit.WORKING_DAYS));
        assertThat(byId.get("EU/ACCESS").term()).isEqualTo(new Term(1, TermUnit.MONTHS));

        assertThat(TestDeadlines.with(Optional.empty(), 15).start("KZ", "ACCESS", null,
                LocalDateTime.parse("2026-03-20T09:00").atZone(TestDeadlines.ALMATY).toInstant()).lastDay())
                .isEqualTo("2026-04-15");
        assertThatThrownBy(() -> DeadlineData.load(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDataFolderThatDoesNotExistStopsTheStart() {
        assertThatThrownBy(() -> DeadlineData.load(Optional.of(dataDir.resolve("missing")), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"weekend\":|\"weekends\":|unknown field \"weekends\"",
            "2026-05-27|2026-02-30|$.movingHolidays[1].date: \"2026-02-30\" is not a date",
            "\"SUNDAY\"]|\"FUNDAY\"]|FUNDAY",
            "\"source\": \"none found\",|\"source\": \" \",|source"})
    void calendarFilesAreReadStrictly(String find, String replace, String message) throws IOException {
        String good = shipped("calendars/KZ.json");
        assertThat(good).contains(find);
        writeCalendar("KZ", good.replace(find, replace));
        assertThatThrownBy(() -> DeadlineData.load(Optional.of(dataDir), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KZ.json")
                .hasMessageContaining(message);
    }

    @Test
    void policyFilesAreReadStrictly() {
        String policy = """
                {"jurisdiction": "KZ", "requestType": "ACCESS", "term": {"amount": 5, "unit": "WORKING_DAYS"},
                 "clockStart": "RECEIPT", "pausesWhileAwaitingSubject": false, "basis": "STATUTORY", "citation": "x"}
                """;
        assertThatThrownBy(() -> DeadlineData.parsePolicies("{\"policies\": [" + policy + "," + policy + "]}", "p"))
                .hasMessageContaining("second policy for KZ/ACCESS");
        assertThatThrownBy(() -> DeadlineData.parsePolicies(
                "{\"policies\": [" + policy.replace("\"x\"}", "\"x\", \"maxExtensions\": 1}") + "]}", "p"))
                .hasMessageContaining("maxExtensions");
        assertThatThrownBy(() -> DeadlineData.parsePolicies(
                "{\"policies\": [" + policy.replace("\"amount\": 5", "\"amount\": 0") + "]}", "p"))
                .hasMessageContaining("$.policies[0].term");
        assertThatThrownBy(() -> DeadlineData.parsePolicies(
                "{\"policies\": [" + policy.replace("WORKING_DAYS", "WEEKS") + "]}", "p"))
                .hasMessageContaining("WEEKS");
        assertThatThrownBy(() -> DeadlineData.parsePolicies(
                "{\"policies\": [" + policy.replace("\"KZ\"", "\"../KZ\"") + "]}", "p"))
                .hasMessageContaining("../KZ");
        assertThatThrownBy(() -> DeadlineData.parsePolicies("{\"policies\": [", "p"))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void everyJurisdictionNeedsItsOwnCalendar() throws IOException {
        Files.writeString(dataDir.resolve("policies.json"), """
                {"policies": [{"jurisdiction": "DE", "requestType": "ACCESS",
                  "term": {"amount": 1, "unit": "MONTHS"}, "clockStart": "RECEIPT",
                  "pausesWhileAwaitingSubject": false, "basis": "STATUTORY", "citation": "test"}]}
                """);
        assertThatThrownBy(() -> DeadlineData.load(Optional.of(dataDir), 10))
                .hasMessageContaining("calendars/DE.json");
        writeCalendar("DE", shipped("calendars/EU.json"));
        assertThatThrownBy(() -> DeadlineData.load(Optional.of(dataDir), 10))
                .hasMessageContaining("jurisdiction is EU, expected DE");
        writeCalendar("DE", shipped("calendars/EU.json").replace("\"EU\"", "\"DE\""));
        CalendarRules germany = DeadlineData.load(Optional.of(dataDir), 10).calendars().get("DE");
        assertThat(germany.weekend()).hasSize(2);
    }

    private void writeCalendar(String jurisdiction, String json) throws IOException {
        Files.createDirectories(dataDir.resolve("calendars"));
        Files.writeString(dataDir.resolve("calendars/" + jurisdiction + ".json"), json);
    }

    private static String shipped(String file) throws IOException {
        try (InputStream in = DeadlineDataTest.class.getClassLoader().getResourceAsStream("deadline/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
