package kz.region715.dsr.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.CalendarRules;
import kz.region715.dsr.deadline.domain.CalendarRules.FixedHoliday;
import kz.region715.dsr.deadline.domain.CalendarRules.YearOverrides;
import kz.region715.dsr.deadline.domain.ClockStart;
import kz.region715.dsr.deadline.domain.DeadlinePolicy;
import kz.region715.dsr.deadline.domain.Term;
import kz.region715.dsr.deadline.domain.TermUnit;

/**
 * The deadline policies and working calendars, read from {@code deadline/policies.json} and
 * {@code deadline/calendars/<J>.json} on the classpath; a file of the same name in the operator's data folder
 * replaces the shipped one, so holidays and official transfers can be added without a rebuild. The formats are
 * in {@code src/main/resources/deadline/README.md}.
 *
 * <p>Reading is strict: an unknown field, a missing value or a bad date fails with the file and field named,
 * so a typo in an operator's file stops the start-up instead of silently dropping a holiday.
 */
public final class DeadlineData {

    static final String RESOURCE_ROOT = "deadline/";
    static final String POLICIES_FILE = "policies.json";
    static final String CALENDARS_FOLDER = "calendars";
    static final String ACCESS = "ACCESS";

    /** Jurisdiction codes name files, so they stay plain: "KZ", "EU", "US-CA". */
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final Pattern REQUEST_TYPE = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<DeadlinePolicy> policies;
    private final Map<String, CalendarRules> calendars;

    private DeadlineData(List<DeadlinePolicy> policies, Map<String, CalendarRules> calendars) {
        this.policies = List.copyOf(policies);
        this.calendars = Collections.unmodifiableMap(new TreeMap<>(calendars));
    }

    /**
     * Loads the shipped data, with the operator's files from {@code dataDir} replacing shipped ones of the same
     * name, and sets the term of every ACCESS policy that is an internal target in working days.
     *
     * @throws IllegalArgumentException when a file is malformed, a jurisdiction has no calendar, or dataDir is
     *                                  given but is not a folder
     */
    public static DeadlineData load(Optional<Path> dataDir, int accessTargetWorkingDays) {
        dataDir.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("deadline data folder " + dir + " does not exist or is not a folder");
            }
        });
        Source policiesSource = source(dataDir, POLICIES_FILE)
                .orElseThrow(() -> new IllegalArgumentException("no " + RESOURCE_ROOT + POLICIES_FILE + " found"));
        if (accessTargetWorkingDays < 1) {
            throw new IllegalArgumentException("dsr.deadline.access-target-working-days must be at least 1, was "
                    + accessTargetWorkingDays);
        }
        Term accessTarget = new Term(accessTargetWorkingDays, TermUnit.WORKING_DAYS);
        List<DeadlinePolicy> policies = parsePolicies(policiesSource.text(), policiesSource.origin()).stream()
                .map(p -> isAccessTarget(p) ? p.withTerm(accessTarget) : p)
                .toList();

        Map<String, CalendarRules> calendars = new LinkedHashMap<>();
        for (DeadlinePolicy policy : policies) {
            String jurisdiction = policy.jurisdiction();
            if (!calendars.containsKey(jurisdiction)) {
                String file = CALENDARS_FOLDER + "/" + jurisdiction + ".json";
                Source calendar = source(dataDir, file).orElseThrow(() -> new IllegalArgumentException(
                        "jurisdiction " + jurisdiction + " has policies but no calendar " + file));
                CalendarRules rules = parseCalendar(calendar.text(), calendar.origin());
                if (!rules.jurisdiction().equals(jurisdiction)) {
                    throw new IllegalArgumentException(calendar.origin() + ": jurisdiction is "
                            + rules.jurisdiction() + ", expected " + jurisdiction);
                }
                calendars.put(jurisdiction, rules);
            }
        }
        return new DeadlineData(policies, calendars);
    }

    private static boolean isAccessTarget(DeadlinePolicy policy) {
        return ACCESS.equals(policy.requestType()) && policy.basis() == Basis.INTERNAL_TARGET
                && policy.term().unit() == TermUnit.WORKING_DAYS;
    }

    public List<DeadlinePolicy> policies() {
        return policies;
    }

    /** Calendar rules by jurisdiction, one for every jurisdiction that has policies. */
    public Map<String, CalendarRules> calendars() {
        return calendars;
    }

    // ------------------------------------------------------------------ sources

    private record Source(String text, String origin) {
    }

    private static Optional<Source> source(Optional<Path> dataDir, String file) {
        if (dataDir.isPresent()) {
            Path path = dataDir.get().resolve(file);
            if (Files.isRegularFile(path)) {
                try {
                    return Optional.of(new Source(Files.readString(path, StandardCharsets.UTF_8), path.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }
        }
        String resource = RESOURCE_ROOT + file;
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(DeadlineData.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Source(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    // ------------------------------------------------------------------ policies.json

    /** Reads a policies file; {@code origin} names it in error messages. */
    public static List<DeadlinePolicy> parsePolicies(String json, String origin) {
        Node root = Node.root(json, origin);
        root.allowOnly("policies", "note");
        List<DeadlinePolicy> policies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node entry : root.required("policies").elements()) {
            entry.allowOnly("jurisdiction", "requestType", "term", "clockStart", "extension", "maxExtensions",
                    "pausesWhileAwaitingSubject", "basis", "citation", "note");
            DeadlinePolicy policy = entry.build(() -> new DeadlinePolicy(
                    entry.required("jurisdiction").text(JURISDICTION),
                    entry.required("requestType").text(REQUEST_TYPE),
                    term(entry.required("term")),
                    entry.required("clockStart").enumValue(ClockStart.class),
                    entry.optional("extension").map(DeadlineData::term).orElse(null),
                    entry.optional("maxExtensions").map(Node::integer).orElse(0),
                    entry.required("pausesWhileAwaitingSubject").bool(),
                    entry.required("basis").enumValue(Basis.class),
                    entry.required("citation").text(null)));
            if (!ids.add(policy.id())) {
                throw entry.error("second policy for " + policy.id());
            }
            policies.add(policy);
        }
        return policies;
    }

    private static Term term(Node node) {
        node.allowOnly("amount", "unit");
        return node.build(() -> new Term(node.required("amount").integer(),
                node.required("unit").enumValue(TermUnit.class)));
    }

    // ------------------------------------------------------------------ calendars/<J>.json

    /** Reads a calendar file; {@code origin} names it in error messages. */
    public static CalendarRules parseCalendar(String json, String origin) {
        Node root = Node.root(json, origin);
        root.allowOnly("jurisdiction", "weekend", "transferHolidaysOnDaysOff", "fixedHolidays", "movingHolidays",
                "overrides", "note");
        String jurisdiction = root.required("jurisdiction").text(JURISDICTION);

        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        root.required("weekend").elements().forEach(day -> weekend.add(day.enumValue(DayOfWeek.class)));

        List<FixedHoliday> fixed = new ArrayList<>();
        for (Node holiday : root.optional("fixedHolidays").map(Node::elements).orElse(List.of())) {
            holiday.allowOnly("date", "name", "transferable", "fromYear", "untilYear", "note");
            fixed.add(holiday.build(() -> new FixedHoliday(
                    holiday.required("date").monthDay(),
                    holiday.required("transferable").bool(),
                    holiday.required("name").text(null),
                    holiday.optional("fromYear").map(Node::integer).orElse(Year.MIN_VALUE),
                    holiday.optional("untilYear").map(Node::integer).orElse(Year.MAX_VALUE))));
        }

        Map<Integer, List<LocalDate>> moving = new TreeMap<>();
        for (Node holiday : root.optional("movingHolidays").map(Node::elements).orElse(List.of())) {
            holiday.allowOnly("date", "name", "note");
            holiday.required("name").text(null);
            LocalDate date = holiday.required("date").date();
            moving.computeIfAbsent(date.getYear(), y -> new ArrayList<>()).add(date);
        }

        Map<Integer, YearOverrides> overrides = new TreeMap<>();
        root.optional("overrides").ifPresent(byYear -> byYear.fields().forEach((yearText, table) -> {
            int year = byYear.yearKey(yearText);
            table.allowOnly("extraDaysOff", "extraWorkingDays", "source", "note");
            List<LocalDate> off = table.optional("extraDaysOff").map(Node::dates).orElse(List.of());
            List<LocalDate> working = table.optional("extraWorkingDays").map(Node::dates).orElse(List.of());
            overrides.put(year, table.build(() -> new YearOverrides(off, working,
                    table.required("source").text(null))));
        }));

        return root.build(() -> new CalendarRules(jurisdiction, weekend, fixed,
                root.required("transferHolidaysOnDaysOff").bool(), moving, overrides));
    }

    // ------------------------------------------------------------------ strict JSON reading

    /** A JSON value with its path in its file, for messages a person can act on. */
    private record Node(JsonNode json, String origin, String path) {

        static Node root(String text, String origin) {
            try {
                JsonNode json = JSON.readTree(text);
                if (json == null || !json.isObject()) {
                    throw new IllegalArgumentException(origin + ": expected a JSON object");
                }
                return new Node(json, origin, "$");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(origin + ": not valid JSON (line "
                        + e.getLocation().getLineNr() + ")");
            }
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(origin + " " + path + ": " + problem);
        }

        <T> T build(Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(origin)) {
                    throw e;
                }
                throw error(String.valueOf(e.getMessage()));
            }
        }

        void allowOnly(String... names) {
            if (!json.isObject()) {
                throw error("expected an object");
            }
            Set<String> allowed = Set.of(names);
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                String name = field.getKey();
                if (!allowed.contains(name)) {
                    throw error("unknown field \"" + name + "\" (allowed: " + String.join(", ", names) + ")");
                }
            }
        }

        Node required(String name) {
            return optional(name).orElseThrow(() -> error("missing \"" + name + "\""));
        }

        Optional<Node> optional(String name) {
            JsonNode child = json.get(name);
            return child == null || child.isNull() ? Optional.empty()
                    : Optional.of(new Node(child, origin, path + "." + name));
        }

        List<Node> elements() {
            if (!json.isArray()) {
                throw error("expected an array");
            }
            List<Node> elements = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                elements.add(new Node(json.get(i), origin, path + "[" + i + "]"));
            }
            return elements;
        }

        Map<String, Node> fields() {
            if (!json.isObject()) {
                throw error("expected an object");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            json.properties().forEach(e -> fields.put(e.getKey(),
                    new Node(e.getValue(), origin, path + "." + e.getKey())));
            return fields;
        }

        int yearKey(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error("\"" + text + "\" is not a year");
            }
        }

        String text(Pattern format) {
            if (!json.isTextual() || json.asText().isBlank()) {
                throw error("expected a non-empty string");
            }
            String value = json.asText();
            if (format != null && !format.matcher(value).matches()) {
                throw error("\"" + value + "\" does not match " + format.pattern());
            }
            return value;
        }

        int integer() {
            if (!json.isInt()) {
                throw error("expected a whole number");
            }
            return json.intValue();
        }

        boolean bool() {
            if (!json.isBoolean()) {
                throw error("expected true or false");
            }
            return json.booleanValue();
        }

        <E extends Enum<E>> E enumValue(Class<E> type) {
            String value = text(null);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("\"" + value + "\" is not one of " + EnumSet.allOf(type));
            }
        }

        LocalDate date() {
            String value = text(null);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                throw error("\"" + value + "\" is not a date (yyyy-MM-dd)");
            }
        }

        List<LocalDate> dates() {
            return elements().stream().map(Node::date).toList();
        }

        MonthDay monthDay() {
            String value = text(MONTH_DAY);
            try {
                return MonthDay.parse("--" + value);
            } catch (DateTimeException e) {
                throw error("\"" + value + "\" is not a day of the year (MM-dd)");
            }
        }
    }
}
