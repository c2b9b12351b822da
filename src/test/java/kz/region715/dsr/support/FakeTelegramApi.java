package kz.region715.dsr.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Telegram Bot API on a real HTTP server (127.0.0.1:18097, the test profile's dsr.telegram.api-base-url):
 * {@code POST /bot<token>/sendMessage} records the message when the token is the test profile's; answers 429 with
 * {@code parameters.retry_after} for a chat told to, and 403 for a user who blocked the bot, as Telegram does.
 */
public final class FakeTelegramApi {

    public static final int PORT = 18097;
    /** The test profile's dsr.telegram.bot-token. */
    public static final String TOKEN = "123456789:TEST-only-token-of-the-fake-bot-api";

    /** A message the bot sent: the chat and the text. */
    public record Sent(String chatId, String text, JsonNode body) {
    }

    private static FakeTelegramApi instance;

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Map<String, Throttle> throttled = new ConcurrentHashMap<>();
    private final AtomicInteger refusedTokens = new AtomicInteger();

    private record Throttle(AtomicInteger times, int retryAfter) {
    }

    private FakeTelegramApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The running fake, started on first use and shared by the test classes of the run. */
    public static synchronized FakeTelegramApi get() {
        if (instance == null) {
            try {
                instance = new FakeTelegramApi();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A Telegram user id no other test uses. */
    public static String newUserId() {
        return String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
    }

    /** The messages to {@code chatId} so far, in order. */
    public synchronized List<Sent> to(String chatId) {
        return sent.stream().filter(s -> s.chatId().equals(chatId)).toList();
    }

    /** All messages so far. */
    public synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    /** The user blocked the bot: sendMessage to them answers 403. */
    public void block(String userId) {
        blocked.add(userId);
    }

    /** The next {@code times} sends to {@code chatId} answer 429 with {@code retryAfter} seconds. */
    public void throttle(String chatId, int times, int retryAfter) {
        throttled.put(chatId, new Throttle(new AtomicInteger(times), retryAfter));
    }

    /** Calls that came with another token than the test profile's. */
    public int refusedTokens() {
        return refusedTokens.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/bot" + TOKEN + "/sendMessage") || !exchange.getRequestMethod().equals("POST")) {
                refusedTokens.incrementAndGet();
                answer(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            String chatId = body.path("chat_id").asText();
            Throttle throttle = throttled.get(chatId);
            if (throttle != null && throttle.times().getAndDecrement() > 0) {
                answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry "
                        + "after " + throttle.retryAfter() + "\",\"parameters\":{\"retry_after\":"
                        + throttle.retryAfter() + "}}");
                return;
            }
            if (blocked.contains(chatId)) {
                answer(exchange, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was "
                        + "blocked by the user\"}");
                return;
            }
            synchronized (this) {
                sent.add(new Sent(chatId, body.path("text").asText(), body));
            }
            answer(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + sent.size() + ",\"chat\":{\"id\":"
                    + chatId + ",\"type\":\"private\"},\"date\":0,\"text\":\"…\"}}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
