package kz.region715.dsr.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every failure of a run, grouped by what broke and the status, with the operations affected and examples. */
final class Failures {

    private static final class Group {
        final String what;
        final int status;
        final Set<String> operations = new LinkedHashSet<>();
        final List<String> examples = new ArrayList<>();
        final Set<String> inputs = new LinkedHashSet<>();
        int count;

        Group(String what, int status) {
            this.what = what;
            this.status = status;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int total;

    void add(String what, String operation, int status, String example) {
        add(what, operation, status, example, null);
    }

    void add(String what, String operation, int status, String example, String input) {
        total++;
        Group group = groups.computeIfAbsent(what + "|" + status, k -> new Group(what, status));
        group.count++;
        group.operations.add(operation);
        if (input != null) {
            group.inputs.add(HttpCall.printable(input.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>"), 70));
        }
        if (group.examples.size() < 3 && group.examples.stream().noneMatch(e -> e.startsWith(operation + " "))) {
            group.examples.add(operation + " :: " + example);
        }
    }

    void add(HttpCall call, HttpCall.Answer answer, String what) {
        add(what, call.operation, answer.status(), call.toString(), call.input);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    int total() {
        return total;
    }

    int groups() {
        return groups.size();
    }

    String report(int maxGroups) {
        StringBuilder out = new StringBuilder();
        out.append(total).append(" failures in ").append(groups.size()).append(" classes (what broke | status)\n");
        groups.values().stream().sorted((a, b) -> Integer.compare(b.count, a.count)).limit(maxGroups).forEach(g -> {
            out.append("\n* ").append(g.what).append(" | status ").append(g.status == 0 ? "none" : g.status)
                    .append(" | ").append(g.count).append(" requests, ").append(g.operations.size())
                    .append(" operations\n    operations: ");
            out.append(String.join(", ", g.operations.stream().limit(40).toList()));
            if (g.operations.size() > 40) {
                out.append(", …");
            }
            out.append('\n');
            if (!g.inputs.isEmpty()) {
                out.append("    inputs: ").append(String.join("; ", g.inputs.stream().limit(30).toList()))
                        .append(g.inputs.size() > 30 ? "; …" : "").append('\n');
            }
            g.examples.forEach(e -> out.append("    e.g. ").append(HttpCall.printable(e, 260)).append('\n'));
        });
        if (groups.size() > maxGroups) {
            out.append("\n… and ").append(groups.size() - maxGroups).append(" more classes\n");
        }
        return out.toString();
    }
}
