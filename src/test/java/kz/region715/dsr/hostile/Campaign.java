package kz.region715.dsr.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import kz.region715.dsr.platform.openapi.ResponseContract;

/**
 * Sends calls, checks every answer, and checks that refused calls left the database as it was: a fingerprint before
 * and after each call that may succeed, and one per batch of expected refusals; a batch whose fingerprint moved is
 * replayed call by call to name the culprit.
 */
final class Campaign {

    private static final int BATCH = 40;

    record Sent(HttpCall call, HttpCall.Answer answer) {
        boolean refused() {
            return answer.status() == 0 || answer.status() >= 400;
        }
    }

    private final Wire wire;
    private final DatabaseFingerprint fingerprint;
    private final Set<String> templates;
    private final Collection<String> secrets;
    /** Every answer that reaches the service's routes is also held to the committed OpenAPI document. */
    private final ResponseContract contract = ResponseContract.ofCommittedDocument();
    final Failures failures;
    final Map<String, Map<String, Integer>> byOperation = new TreeMap<>();
    final Map<String, Integer> byClass = new TreeMap<>();
    int sent;
    int replayed;

    private Map<String, DatabaseFingerprint.Table> baseline;
    private final List<Sent> batch = new ArrayList<>();

    Campaign(Wire wire, DatabaseFingerprint fingerprint, Set<String> templates, Collection<String> secrets,
            Failures failures) {
        this.wire = wire;
        this.fingerprint = fingerprint;
        this.templates = templates;
        this.secrets = secrets;
        this.failures = failures;
    }

    void run(List<HttpCall> calls, boolean oneByOne) {
        baseline = fingerprint.snapshot();
        for (HttpCall call : calls) {
            boolean single = oneByOne || !call.expectRefusal && !call.method.equals("GET");
            if (single) {
                closeBatch();
            }
            Sent s = new Sent(call, send(call));
            check(s);
            if (single) {
                Map<String, DatabaseFingerprint.Table> after = fingerprint.snapshot();
                if (s.refused()) {
                    List<DatabaseFingerprint.Change> changes = allowed(DatabaseFingerprint.diff(baseline, after), List.of(s));
                    if (!changes.isEmpty()) {
                        failures.add(s.call(), s.answer(), "refused request changed the database: " + summary(changes));
                    }
                }
                baseline = after;
            } else {
                batch.add(s);
                if (batch.size() >= BATCH) {
                    closeBatch();
                }
            }
        }
        closeBatch();
    }

    private void closeBatch() {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, DatabaseFingerprint.Table> after = fingerprint.snapshot();
        List<DatabaseFingerprint.Change> changes = allowed(DatabaseFingerprint.diff(baseline, after), batch);
        baseline = after;
        if (!changes.isEmpty()) {
            // bisect: replay the refusals one by one, each between two fingerprints
            boolean reproduced = false;
            for (Sent s : batch) {
                if (!s.refused()) {
                    continue;
                }
                HttpCall.Answer again = send(s.call());
                replayed++;
                Map<String, DatabaseFingerprint.Table> next = fingerprint.snapshot();
                List<DatabaseFingerprint.Change> own = allowed(DatabaseFingerprint.diff(baseline, next),
                        List.of(new Sent(s.call(), again)));
                baseline = next;
                if ((again.status() == 0 || again.status() >= 400) && !own.isEmpty()) {
                    reproduced = true;
                    failures.add(s.call(), again, "refused request changed the database: " + summary(own));
                }
            }
            if (!reproduced && batch.stream().allMatch(Sent::refused)) {
                Sent first = batch.getFirst();
                failures.add("a batch of refusals changed the database (not reproduced one by one): "
                        + summary(changes), first.call().operation, first.answer().status(),
                        batch.size() + " calls from " + first.call());
            }
        }
        batch.clear();
    }

    private static List<DatabaseFingerprint.Change> allowed(List<DatabaseFingerprint.Change> changes, List<Sent> sent) {
        boolean verification = sent.stream().anyMatch(s -> s.refused() && s.call().isVerification());
        Predicate<DatabaseFingerprint.Change> ok = c -> verification && DatabaseFingerprint.allowedForVerification(c);
        return changes.stream().filter(ok.negate()).toList();
    }

    private static String summary(List<DatabaseFingerprint.Change> changes) {
        return String.join("; ", changes.stream().map(Object::toString).distinct().limit(4).toList());
    }

    HttpCall.Answer send(HttpCall call) {
        HttpCall actual = call;
        if (call.ifMatchOfCase != null) {
            String collection = call.target.startsWith("/api/v1/breaches/") ? "/api/v1/breaches/" : "/api/v1/cases/";
            HttpCall read = new HttpCall("etag", null, "officer", "GET", collection + call.ifMatchOfCase);
            HttpCall.Answer etag = wire.send(read);
            actual = call.copy(call.role);
            actual.header("If-Match", etag.headers().getOrDefault("etag", "\"0\""));
        }
        return wire.send(actual);
    }

    void check(Sent s) {
        sent++;
        int status = s.answer().status();
        String statusClass = status == 0 ? "closed" : (status / 100) + "xx";
        byClass.merge(statusClass, 1, Integer::sum);
        byOperation.computeIfAbsent(s.call().operation, k -> new TreeMap<>()).merge(statusClass, 1, Integer::sum);
        for (String broken : AnswerChecks.check(s.call(), s.answer(), templates, secrets)) {
            failures.add(s.call(), s.answer(), broken);
        }
        HttpCall call = s.call();
        if (status != 0 && call.transport != HttpCall.Transport.RAW && !call.parserRefusal) {
            String path = call.target.contains("?") ? call.target.substring(0, call.target.indexOf('?')) : call.target;
            Map<String, String> headers = s.answer().headers();
            for (String broken : contract.check(call.method.toLowerCase(Locale.ROOT), path, status,
                    s.answer().contentType(), s.answer().body().getBytes(StandardCharsets.UTF_8),
                    name -> Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))))) {
                failures.add(call, s.answer(), "contract: " + broken);
            }
        }
    }

    String counts() {
        StringBuilder out = new StringBuilder();
        out.append(sent).append(" requests (").append(replayed).append(" replayed to bisect), ")
                .append(fingerprint.snapshots).append(" database fingerprints; by status class ").append(byClass)
                .append('\n');
        byOperation.forEach((op, counts) -> out.append(String.format("  %-62s %s%n", op, counts)));
        return out.toString();
    }
}
