// The benchmark's Java side: the service's companions (a token issuer and an SMTP sink), the HTTP load client,
// JDBC timings and the report. One source file, run without a build:
//   java -cp <pgjdbc.jar> bench/Bench.java <command> key=value ...
// bench/run drives it; see docs/BENCHMARKS.md. JDK only (plus the PostgreSQL driver the packaged jar ships).

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {

    static final Map<String, String> ARGS = new HashMap<>();

    static String arg(String key) {
        String value = ARGS.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return value;
    }

    static String arg(String key, String otherwise) {
        return ARGS.getOrDefault(key, otherwise);
    }

    static int intArg(String key, int otherwise) {
        return Integer.parseInt(arg(key, Integer.toString(otherwise)));
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            ARGS.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        switch (args[0]) {
            case "aux" -> aux();
            case "intake" -> intake();
            case "file-verify" -> fileVerify();
            case "approve" -> approve();
            case "queue" -> queue();
            case "export" -> export();
            case "sqltime" -> sqlTime();
            case "await-completed" -> awaitCompleted();
            case "mail-outbox" -> mailOutbox();
            case "mail-baseline" -> mailBaseline();
            case "report" -> report();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    // ------------------------------------------------------------------------------------------------------------
    // aux: the token issuer (OIDC discovery, JWKS, and /token?role=…) and an SMTP sink that keeps each recipient's
    // latest verification code (/code?to=…). Writes "issuer=… smtp=… http=…" to file= and runs until killed.

    static final Map<String, String> CODES = new ConcurrentHashMap<>();
    static final AtomicInteger MAILS = new AtomicInteger();
    static final AtomicLong MAIL_BYTES = new AtomicLong();

    static void aux() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        http.setExecutor(Executors.newFixedThreadPool(4));
        String root = "http://127.0.0.1:" + http.getAddress().getPort();
        String issuer = root + "/realms/dsr";
        String jwks = issuer + "/protocol/openid-connect/certs";
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        serve(http, "/realms/dsr/.well-known/openid-configuration", q -> """
                {"issuer": "%s", "jwks_uri": "%s", "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(issuer, jwks));
        serve(http, "/realms/dsr/protocol/openid-connect/certs", q -> """
                {"keys": [{"kty": "RSA", "kid": "bench-key", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                .formatted(unsigned(pub.getModulus()), unsigned(pub.getPublicExponent())));
        serve(http, "/token", q -> sign(keys, issuer, q.getOrDefault("sub", q.get("role") + "-1"), q.get("role")));
        serve(http, "/code", q -> CODES.getOrDefault(q.get("to").toLowerCase(Locale.ROOT), ""));
        serve(http, "/mails", q -> Integer.toString(MAILS.get()));
        serve(http, "/mail-bytes", q -> Long.toString(MAIL_BYTES.get()));
        http.start();
        ServerSocket smtp = new ServerSocket(0, 128, java.net.InetAddress.getByName("127.0.0.1"));
        Files.writeString(Path.of(arg("file")), "issuer=" + issuer + "\nsmtp=" + smtp.getLocalPort() + "\nhttp=" + root
                + "\n");
        ExecutorService sessions = Executors.newCachedThreadPool();
        while (true) {
            Socket socket = smtp.accept();
            sessions.submit(() -> smtpSession(socket));
        }
    }

    interface Handler {
        String answer(Map<String, String> query) throws Exception;
    }

    static void serve(HttpServer http, String path, Handler handler) {
        http.createContext(path, exchange -> {
            byte[] body;
            int status = 200;
            try {
                Map<String, String> query = new HashMap<>();
                String raw = exchange.getRequestURI().getRawQuery();
                if (raw != null) {
                    for (String pair : raw.split("&")) {
                        int eq = pair.indexOf('=');
                        query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                                StandardCharsets.UTF_8));
                    }
                }
                body = handler.answer(query).getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                status = 500;
                body = e.toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    static String sign(KeyPair keys, String issuer, String subject, String role) throws Exception {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench-key\"}";
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"%s\",\"sub\":\"%s\",\"preferred_username\":\"%s\",\"iat\":%d,\"exp\":%d,\"groups\":[\"%s\"]}"
                .formatted(issuer, subject, subject, now - 5, now + 4 * 3600, role);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rsa.sign());
    }

    static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    static final Pattern RCPT = Pattern.compile("(?i)RCPT TO:\\s*<([^>]+)>");
    static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z=])(\\d{6})(?![0-9])");

    static void smtpSession(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench-smtp");
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-bench-smtp\r\n250-8BITMIME\r\n250 SIZE 10485760");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 bench-smtp");
                } else if (upper.startsWith("MAIL")) {
                    to.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT")) {
                    Matcher m = RCPT.matcher(line);
                    if (m.find()) {
                        to.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                    reply(out, "250 OK");
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line).append('\n');
                    }
                    MAIL_BYTES.addAndGet(data.length() + data.chars().filter(c -> c == '\n').count());
                    MAILS.incrementAndGet();
                    if (ARGS.containsKey("dump")) {
                        Files.writeString(Path.of(arg("dump"), String.join("+", to) + "-" + MAILS.get() + ".eml"), data);
                    }
                    String code = findCode(data.toString());
                    if (code != null) {
                        for (String r : to) {
                            CODES.put(r, code);
                        }
                    }
                    reply(out, "250 OK queued");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The verification code of a mail: the plain-text part, decoded (quoted-printable or base64). */
    static String findCode(String raw) {
        String qp = raw.replace("=\n", "").replace("=3D", "=");
        List<String> texts = new ArrayList<>(List.of(qp));
        Matcher b64 = Pattern.compile("(?m)^Content-Transfer-Encoding: base64\\s*\\n(?:[^\\n]+\\n)*?\\n((?:[A-Za-z0-9+/=]+\\n)+)")
                .matcher(raw);
        while (b64.find()) {
            try {
                texts.add(new String(Base64.getMimeDecoder().decode(b64.group(1)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not base64 after all
            }
        }
        for (String text : texts) {
            int at = text.indexOf("token=");
            if (at < 0) {
                continue;
            }
            Matcher m = CODE.matcher(text.substring(at));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    // ------------------------------------------------------------------------------------------------------------
    // HTTP client helpers

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String token(String role) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(arg("aux") + "/token?role=" + role)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> post(String url, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String jsonField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\"([^\"]*)\"|null)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Runs {@code task(i)} for i in [0, n) on {@code conns} threads; fails on the first error. */
    interface Task {
        void run(int i) throws Exception;
    }

    static void parallel(int n, int conns, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(conns);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < conns; c++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(sorted.size() * p) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void result(String key, Object value) throws IOException {
        String line = key + "=" + value;
        System.out.println("  " + line);
        String file = ARGS.get("results");
        if (file != null) {
            Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static String f(double v) {
        return String.format("%.1f", v);
    }

    // ------------------------------------------------------------------------------------------------------------
    // intake: conns= closed-loop clients POST /api/v1/requests for warmup= then seconds= seconds, all from one
    // address; key=true sends each filing with an Idempotency-Key of its own. Answers in the measured window by
    // status; a 429 or 503 with Retry-After is a deliberate refusal, anything else but 202 an error.

    static void intake() throws Exception {
        String url = arg("url") + "/api/v1/requests";
        int conns = intArg("conns", 16);
        long warmupNanos = Duration.ofSeconds(intArg("warmup", 5)).toNanos();
        long measureNanos = Duration.ofSeconds(intArg("seconds", 20)).toNanos();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        List<List<Double>> perThread = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Map<String, AtomicInteger> measured = new ConcurrentHashMap<>();
        boolean keyed = Boolean.parseBoolean(arg("key", "false"));
        AtomicLong seq = new AtomicLong();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(conns);
        {
            for (int c = 0; c < conns; c++) {
                pool.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    perThread.add(mine);
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        long n = seq.incrementAndGet();
                        String body = "{\"type\":\"ACCESS\",\"email\":\"intake-" + run + "-" + n
                                + "@example.kz\",\"name\":\"Aigerim Serikova\",\"locale\":\"en\"}";
                        long t0 = System.nanoTime();
                        int status;
                        boolean retryAfter = false;
                        try {
                            HttpResponse<String> answer = post(url, body, keyed
                                    ? Map.of("Idempotency-Key", "intake-" + run + "-" + n) : Map.of());
                            status = answer.statusCode();
                            retryAfter = answer.headers().firstValue("Retry-After").isPresent();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        // an answer counts in the window it arrives in (under a burst one can take longer than
                        // the window)
                        if (t1 >= measureFrom && t1 <= end) {
                            boolean deliberate = (status == 429 || status == 503) && retryAfter;
                            measured.computeIfAbsent(status + (deliberate ? "+Retry-After" : ""),
                                    k -> new AtomicInteger()).incrementAndGet();
                            if (status == 202) {
                                mine.add((t1 - t0) / 1e6);
                            } else if (deliberate) {
                                refused.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        }
        List<Double> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        Collections.sort(all);
        double seconds = measureNanos / 1e9;
        System.out.println("  statuses: " + statuses);
        String p = arg("prefix", "intake");
        result(p + ".rps", f(all.size() / seconds));
        result(p + ".p50", f(pct(all, 0.50)));
        result(p + ".p99", f(pct(all, 0.99)));
        result(p + ".max", f(all.isEmpty() ? Double.NaN : all.get(all.size() - 1)));
        result(p + ".errors", errors.get());
        result(p + ".refused", refused.get());
        result(p + ".statuses", new java.util.TreeMap<>(measured).toString().replaceAll("[{}]", "").replace("=", " × "));
        result(p + ".count", all.size());
    }

    // ------------------------------------------------------------------------------------------------------------
    // file-verify: n= DELETION requests of erasure-<i>@example.kz filed and verified with the mailed code;
    // their ids to out=.

    static void fileVerify() throws Exception {
        String base = arg("url");
        int n = intArg("n", 1000);
        int conns = intArg("conns", 8);
        String[] ids = new String[n];
        long t0 = System.nanoTime();
        parallel(n, conns, i -> {
            String email = "erasure-" + i + "@example.kz";
            HttpResponse<String> r = post(base + "/api/v1/requests", "{\"type\":\"DELETION\",\"email\":\"" + email
                    + "\",\"name\":\"Erasure Subject " + i + "\",\"locale\":\"en\",\"deletion\":{\"scope\":\"ALL\"}}",
                    Map.of());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("filing " + i + ": " + r.statusCode() + " " + r.body());
            }
            ids[i] = jsonField(r.body(), "id");
        });
        System.out.printf("  filed %d in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        // verifies whichever codes have arrived, round after round (no subject waits behind a slow mail)
        java.util.Set<Integer> left = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < n; i++) {
            left.add(i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(intArg("mailwait", 600)).toNanos();
        while (!left.isEmpty()) {
            List<Integer> round = new ArrayList<>(left);
            parallel(round.size(), conns, k -> {
                int i = round.get(k);
                String email = "erasure-" + i + "@example.kz";
                String code = HTTP.send(HttpRequest.newBuilder(URI.create(arg("aux") + "/code?to="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (code.isEmpty()) {
                    return;
                }
                HttpResponse<String> r = post(base + "/api/v1/requests/" + ids[i] + "/verification",
                        "{\"code\":\"" + code + "\"}", Map.of());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("verification " + i + ": " + r.statusCode() + " " + r.body());
                }
                left.remove(i);
            });
            if (!left.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(left.size() + " verification mails never arrived, e.g. erasure-"
                            + left.iterator().next() + "@example.kz (see the outbox: GET /api/v1/admin/outbox)");
                }
                System.out.printf("  %d verified, %d waiting for their mail%n", n - left.size(), left.size());
                Thread.sleep(1000);
            }
        }
        System.out.printf("  verified %d in %.1f s%n", n, (System.nanoTime() - t1) / 1e9);
        Files.write(Path.of(arg("out")), Arrays.asList(ids));
    }

    // approve: an officer approves each case of ids= (GET for the ETag, POST approval with If-Match).
    static void approve() throws Exception {
        String base = arg("url");
        List<String> ids = Files.readAllLines(Path.of(arg("ids")));
        String officer = token("officer");
        long t0 = System.currentTimeMillis();
        parallel(ids.size(), intArg("conns", 8), i -> {
            String id = ids.get(i);
            HttpResponse<String> c = get(base + "/api/v1/cases/" + id, officer);
            String etag = c.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(
                    "no ETag for case " + id + ": " + c.statusCode() + " " + c.body()));
            HttpResponse<String> r = post(base + "/api/v1/cases/" + id + "/approval", "{}",
                    Map.of("Authorization", "Bearer " + officer, "If-Match", etag));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("approval " + id + ": " + r.statusCode() + " " + r.body());
            }
        });
        long t1 = System.currentTimeMillis();
        result("erasure.approve_first_ms", t0);
        result("erasure.approve_last_ms", t1);
        result("erasure.approve_seconds", f((t1 - t0) / 1000.0));
    }

    // await-completed: polls the database until every request of ids= is COMPLETED (or FAILED), up to limit= s.
    static void awaitCompleted() throws Exception {
        List<String> ids = Files.readAllLines(Path.of(arg("ids")));
        int limit = intArg("limit", 3600);
        String list = String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
        try (Connection db = connect(); Statement s = db.createStatement()) {
            long deadline = System.currentTimeMillis() + limit * 1000L;
            while (true) {
                ResultSet rs = s.executeQuery("select count(*) filter (where status in ('COMPLETED','FAILED')),"
                        + " count(*) filter (where status = 'FAILED') from subject_request where id in (" + list + ")");
                rs.next();
                long done = rs.getLong(1);
                if (done == ids.size()) {
                    if (rs.getLong(2) > 0) {
                        System.out.println("  WARNING: " + rs.getLong(2) + " requests FAILED");
                    }
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("only " + done + " of " + ids.size() + " completed in " + limit
                            + " s");
                }
                Thread.sleep(250);
            }
            long first = Long.parseLong(arg("first_ms"));
            ResultSet rs = s.executeQuery("select extract(epoch from max(closed_at)) * 1000,"
                    + " percentile_cont(0.5) within group (order by extract(epoch from closed_at - decided_at)),"
                    + " percentile_cont(0.99) within group (order by extract(epoch from closed_at - decided_at)),"
                    + " max(extract(epoch from closed_at - decided_at))"
                    + " from subject_request where id in (" + list + ")");
            rs.next();
            double lastClosed = rs.getDouble(1);
            long leads = Long.parseLong(arg("leads"));
            double seconds = (lastClosed - first) / 1000.0;
            result("erasure.seconds", f(seconds));
            result("erasure.leads_per_s", f(leads / seconds));
            result("erasure.case_p50_s", f(rs.getDouble(2)));
            result("erasure.case_p99_s", f(rs.getDouble(3)));
            result("erasure.case_max_s", f(rs.getDouble(4)));
        }
    }

    static Connection connect() throws Exception {
        return DriverManager.getConnection(arg("jdbc"), arg("dbuser", "dsr"), arg("dbpassword", "dsr"));
    }

    // sqltime: runs sql= once in a transaction that is rolled back (setup= first, untimed); prints rows and ms.
    static void sqlTime() throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            db.setAutoCommit(false);
            if (ARGS.containsKey("setup")) {
                s.execute(arg("setup"));
            }
            long t0 = System.nanoTime();
            int rows = s.executeUpdate(arg("sql"));
            double ms = (System.nanoTime() - t0) / 1e6;
            db.rollback();
            String p = arg("prefix");
            result(p + ".rows", rows);
            result(p + ".ms", f(ms));
            result(p + ".rows_per_s", f(rows / (ms / 1000)));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // queue: the officer's first page (limit=50) and a deep keyset page (limit=200 after depth= pages), n= times
    // each, one connection; latency measured at the client over loopback.

    static void queue() throws Exception {
        String base = arg("url") + "/api/v1/cases";
        String officer = token("officer");
        int n = intArg("n", 200);
        int depth = intArg("depth", 200);
        String cursor = null;
        for (int page = 0; page < depth; page++) {
            HttpResponse<String> r = get(base + "?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), officer);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("queue page " + page + ": " + r.statusCode() + " " + r.body());
            }
            cursor = jsonField(r.body(), "nextCursor");
            if (cursor == null) {
                throw new IllegalStateException("queue ended at page " + page);
            }
        }
        Files.writeString(Path.of(arg("cursorfile")), cursor);
        timeGets("queue.first", base + "?limit=50", officer, n);
        timeGets("queue.deep", base + "?limit=200&cursor=" + cursor, officer, n);
    }

    static void timeGets(String prefix, String url, String bearer, int n) throws Exception {
        for (int i = 0; i < Math.max(20, n / 10); i++) {
            get(url, bearer);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(url, bearer);
            times.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(prefix + ": " + r.statusCode());
            }
        }
        Collections.sort(times);
        result(prefix + ".p50", String.format("%.2f", pct(times, 0.5)));
        result(prefix + ".p99", String.format("%.2f", pct(times, 0.99)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // export: GET /api/v1/audit/events with accept=, counting bytes; MB/s (10^6 bytes).

    static void export() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(arg("url") + "/api/v1/audit/events"))
                .header("Authorization", "Bearer " + token("auditor")).header("Accept", arg("accept"))
                .timeout(Duration.ofMinutes(30)).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("export: " + r.statusCode());
        }
        String p = arg("prefix");
        result(p + ".bytes", bytes);
        result(p + ".lines", lines);
        result(p + ".seconds", f(seconds));
        result(p + ".mb_s", f(bytes / 1e6 / seconds));
    }

    // ------------------------------------------------------------------------------------------------------------
    // report: the results file (key=value lines) as the markdown table of docs/BENCHMARKS.md, to stdout.

    // ------------------------------------------------------------------------------------------------------------
    // mail-outbox: n= copies of a queued verification mail (its template and model, to n distinct recipients) are
    // put into the outbox in one INSERT; the service's sender renders and sends them to the sink. Measured from the
    // commit to the last one SENT; the sink counts what it received (and its bytes, for the baseline's size).

    static void mailOutbox() throws Exception {
        int n = intArg("n", 2000);
        long mails0 = Long.parseLong(getPlain(arg("aux") + "/mails"));
        long bytes0 = Long.parseLong(getPlain(arg("aux") + "/mail-bytes"));
        try (Connection c = DriverManager.getConnection(arg("jdbc"), System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
                Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            int queued = st.executeUpdate("""
                    insert into outbox_message (id, request_id, kind, recipient, subject, body_text, body_html,
                        carries_secret, status, attempts, next_attempt_at, created_at, version, template, model,
                        request_ref, subject_pseudonym)
                    select gen_random_uuid(), m.request_id, m.kind, 'mailbench-' || g || '@example.kz', m.subject,
                        m.body_text, m.body_html, m.carries_secret, 'PENDING', 0, now(), now(), 0, m.template, m.model,
                        m.request_ref, m.subject_pseudonym
                    from (select * from outbox_message where kind = 'VERIFICATION' and model is not null
                          order by created_at desc limit 1) m cross join generate_series(1, %d) g""".formatted(n));
            if (queued != n) {
                throw new IllegalStateException("queued " + queued + " of " + n + " (no verification mail to copy?)");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(intArg("limit", 900)).toNanos();
            long sent = 0;
            long failed = 0;
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("select count(*) filter (where status = 'SENT'),"
                        + " count(*) filter (where status = 'FAILED') from outbox_message where recipient like 'mailbench-%'")) {
                    rs.next();
                    sent = rs.getLong(1);
                    failed = rs.getLong(2);
                }
                if (sent + failed >= n) {
                    break;
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long received = Long.parseLong(getPlain(arg("aux") + "/mails")) - mails0;
            long bytes = Long.parseLong(getPlain(arg("aux") + "/mail-bytes")) - bytes0;
            result("mail.messages", n);
            result("mail.sent", sent);
            result("mail.failed", failed);
            result("mail.received", received);
            result("mail.seconds", f(seconds));
            result("mail.msgs_per_s", f(sent / seconds));
            result("mail.avg_bytes", received == 0 ? 0 : bytes / received);
            if (sent + failed < n) {
                throw new IllegalStateException("only " + sent + " of " + n + " mails sent in the time limit");
            }
        }
    }

    static String getPlain(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    // mail-baseline: the same number of messages of the same size, sent to the same sink by a plain SMTP client
    // (raw socket: EHLO once, then MAIL FROM, RCPT TO, DATA per message) on conns= connections, each kept open.

    static void mailBaseline() throws Exception {
        int n = intArg("n", 2000);
        int conns = intArg("conns", 4);
        int size = Math.max(200, intArg("bytes", 4000));
        String host = "127.0.0.1";
        int port = intArg("smtp", 25);
        StringBuilder body = new StringBuilder();
        while (body.length() < size) {
            body.append("Dear subject, please confirm your request with the code in the link below. 0123456789\r\n");
        }
        String text = body.substring(0, size);
        Socket[] sockets = new Socket[conns];
        BufferedReader[] ins = new BufferedReader[conns];
        OutputStream[] outs = new OutputStream[conns];
        for (int c = 0; c < conns; c++) {
            sockets[c] = new Socket(host, port);
            ins[c] = new BufferedReader(new InputStreamReader(sockets[c].getInputStream(), StandardCharsets.ISO_8859_1));
            outs[c] = sockets[c].getOutputStream();
            expect(ins[c], "220");
            command(outs[c], ins[c], "EHLO bench-client", "250");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger thread = new AtomicInteger();
        long t0 = System.nanoTime();
        parallel(conns, conns, ignored -> {
            int c = thread.getAndIncrement();
            for (int i; (i = next.getAndIncrement()) < n; ) {
                command(outs[c], ins[c], "MAIL FROM:<no-reply@region715.kz>", "250");
                command(outs[c], ins[c], "RCPT TO:<mailbaseline-" + i + "@example.kz>", "250");
                command(outs[c], ins[c], "DATA", "354");
                String message = "From: no-reply@region715.kz\r\nTo: mailbaseline-" + i + "@example.kz\r\n"
                        + "Subject: Confirm your request\r\nMessage-ID: <" + i + ".bench@region715.kz>\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n.";
                command(outs[c], ins[c], message, "250");
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (int c = 0; c < conns; c++) {
            command(outs[c], ins[c], "QUIT", "221");
            sockets[c].close();
        }
        result("mail_baseline.messages", n);
        result("mail_baseline.conns", conns);
        result("mail_baseline.bytes", size);
        result("mail_baseline.seconds", f(seconds));
        result("mail_baseline.msgs_per_s", f(n / seconds));
    }

    static void command(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, expected);
    }

    static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("expected " + code + " from the sink, got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    static void report() throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(arg("results")))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                r.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| work | service | baseline | ratio | target | met? |\n|---|---|---|---|---|---|\n");
        // intake
        double rps = d(r, "intake.rps");
        double tps = d(r, "intake_pgbench.tps");
        double p99 = d(r, "intake.p99");
        boolean intakeMet = rps >= 0.8 * tps && p99 < 50;
        row(out, "intake: POST /api/v1/requests, %s connections, %s s".formatted(r.get("intake.conns"),
                r.get("intake.seconds")),
                "%s req/s, p50 %s ms, p99 %s ms (%s errors)".formatted(r.get("intake.rps"), r.get("intake.p50"),
                        r.get("intake.p99"), r.get("intake.errors")),
                "pgbench, same INSERTs, %s clients: %s tps (p50 %s ms, p99 %s ms)".formatted(r.get("intake.conns"),
                        r.get("intake_pgbench.tps"), r.get("intake_pgbench.p50"), r.get("intake_pgbench.p99")),
                ratio(rps, tps), "≥ 0.8× baseline, p99 < 50 ms", met(intakeMet));
        // intake under a burst from one address: every filing with an Idempotency-Key (issue #24)
        for (String burst : r.getOrDefault("intake_burst.conns", "").split(" ")) {
            String p = "intake_burst" + burst;
            if (!r.containsKey(p + ".rps")) {
                continue;
            }
            double burstRps = d(r, p + ".rps");
            row(out, "intake burst: POST /api/v1/requests with Idempotency-Key, %s connections from one address, %s s"
                            .formatted(burst, r.get("intake.seconds")),
                    "%s req/s, p50 %s ms, p99 %s ms; answers %s (%s refused with Retry-After, %s errors)".formatted(
                            r.get(p + ".rps"), r.get(p + ".p50"), r.get(p + ".p99"), r.get(p + ".statuses"),
                            r.get(p + ".refused"), r.get(p + ".errors")),
                    "the 16-connection intake above: %s req/s".formatted(r.get("intake.rps")),
                    ratio(burstRps, rps), "≥ 1.00× the 16-connection figure, no error (429/503 with Retry-After only)",
                    met(burstRps >= rps && d(r, p + ".errors") == 0));
        }
        if (!r.containsKey("erasure.subjects")) { // bench/run --intake-only
            System.out.print(out);
            return;
        }
        // erasure
        double lps = d(r, "erasure.leads_per_s");
        double ups = d(r, "erasure_update.rows_per_s");
        double caseMax = d(r, "erasure.case_max_s");
        row(out, "erasure: %s leads of %s subjects among %s leads".formatted(r.get("erasure.subject_leads"),
                        r.get("erasure.subjects"), r.get("erasure.total_leads")),
                "%s leads/s (%s s from the first approval to the last COMPLETED; approvals took %s s)".formatted(
                        r.get("erasure.leads_per_s"), r.get("erasure.seconds"), r.get("erasure.approve_seconds")),
                "one UPDATE of the same %s rows: %s rows/s (%s ms)".formatted(r.get("erasure_update.rows"),
                        r.get("erasure_update.rows_per_s"), r.get("erasure_update.ms")),
                ratio(lps, ups), "≥ 0.5× baseline", met(lps >= 0.5 * ups));
        row(out, "erasure: approval → COMPLETED per subject (%s leads each)".formatted(r.get("erasure.per_subject")),
                "p50 %s s, p99 %s s, max %s s".formatted(r.get("erasure.case_p50_s"), r.get("erasure.case_p99_s"),
                        r.get("erasure.case_max_s")),
                "—", "—", "< 15 s for a 100-lead subject", met(caseMax < 15));
        // mail
        double mps = d(r, "mail.msgs_per_s");
        double bps = d(r, "mail_baseline.msgs_per_s");
        row(out, "mail: %s messages through the outbox to an SMTP sink".formatted(r.get("mail.messages")),
                "%s msg/s (%s s from the commit to the last SENT; %s received, %s failed; %s bytes each)".formatted(
                        r.get("mail.msgs_per_s"), r.get("mail.seconds"), r.get("mail.received"), r.get("mail.failed"),
                        r.get("mail.avg_bytes")),
                "plain SMTP client (raw socket), %s connections kept open, same count and size: %s msg/s (%s s)"
                        .formatted(r.get("mail_baseline.conns"), r.get("mail_baseline.msgs_per_s"),
                                r.get("mail_baseline.seconds")),
                ratio(mps, bps), "≥ 0.5× baseline", met(mps >= 0.5 * bps));
        // export
        double copy = d(r, "export_copy.mb_s");
        for (String fmt : List.of("ndjson", "csv")) {
            double mbs = d(r, "export_" + fmt + ".mb_s");
            row(out, "audit export, %s events, %s".formatted(r.get("export.events"), fmt.toUpperCase(Locale.ROOT)),
                    "%s MB/s (%s MB in %s s)".formatted(r.get("export_" + fmt + ".mb_s"),
                            mb(r.get("export_" + fmt + ".bytes")), r.get("export_" + fmt + ".seconds")),
                    "COPY … TO STDOUT: %s MB/s (%s MB in %s s)".formatted(r.get("export_copy.mb_s"),
                            mb(r.get("export_copy.bytes")), r.get("export_copy.seconds")),
                    ratio(mbs, copy), "≥ 0.7× COPY", met(mbs >= 0.7 * copy));
        }
        double growth = d(r, "rss.export_growth_mb");
        row(out, "resident memory during the export",
                "+%s MB (%s MB before, peak %s MB)".formatted(r.get("rss.export_growth_mb"), r.get("rss.before_export_mb"),
                        r.get("rss.export_peak_mb")), "—", "—", "< 64 MB growth", met(growth < 64));
        // queue
        for (String page : List.of("first", "deep")) {
            double svc = d(r, "queue." + page + ".p99");
            row(out, "case queue, %s cases: %s".formatted(r.get("queue.cases"), page.equals("first")
                            ? "first page (limit 50)" : "keyset page %s deep (limit 200)".formatted(r.get("queue.depth_rows"))),
                    "p50 %s ms, p99 %s ms".formatted(r.get("queue." + page + ".p50"), r.get("queue." + page + ".p99")),
                    "same SQL, pgbench 1 client: p50 %s ms, p99 %s ms".formatted(r.get("queue_sql_" + page + ".p50"),
                            r.get("queue_sql_" + page + ".p99")),
                    ratio(d(r, "queue_sql_" + page + ".p99"), svc), "p99 < 10 ms", met(svc < 10));
        }
        out.append("\n");
        out.append("| process | figure |\n|---|---|\n");
        out.append("| start-up (process start → `/q/health/ready` 200) | %s s |\n".formatted(r.get("startup.seconds")));
        out.append("| RSS when ready | %s MB |\n".formatted(r.get("rss.ready_mb")));
        out.append("| RSS before the export (after the other benchmarks) | %s MB |\n".formatted(r.get("rss.before_export_mb")));
        out.append("| RSS peak during the exports | %s MB |\n".formatted(r.get("rss.export_peak_mb")));
        System.out.print(out);
    }

    static double d(Map<String, String> r, String key) {
        try {
            return Double.parseDouble(r.get(key));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static String mb(String bytes) {
        try {
            return f(Long.parseLong(bytes) / 1e6);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    static String ratio(double service, double baseline) {
        return Double.isNaN(service) || Double.isNaN(baseline) || baseline == 0 ? "?"
                : String.format("%.2f×", service / baseline);
    }

    static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", Arrays.stream(cells).map(c -> c == null ? "?" : c).toList()))
                .append(" |\n");
    }
}
