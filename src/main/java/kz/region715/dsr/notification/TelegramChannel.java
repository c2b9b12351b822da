package kz.region715.dsr.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import kz.region715.dsr.notification.MailTransport.Envelope;
import kz.region715.dsr.notification.MailTransport.Outcome;
import kz.region715.dsr.notification.MailTransport.Result;
import kz.region715.dsr.platform.telegram.TelegramConfig;

/**
 * The Telegram adapter: the Bot API's {@code sendMessage} to the subject's private chat, as plain text (no parse mode,
 * so nothing in it needs escaping). A 429 answers {@link Result#POSTPONED} with Telegram's
 * {@code parameters.retry_after}; a 403 (the user blocked the bot) {@link Result#PERMANENT_FAILURE} (the subject is unreachable). The URL holds
 * the bot token: it is never logged, and no exception leaves this class (what it says is a status or a class name).
 */
@ApplicationScoped
class TelegramChannel implements NotificationChannel {

    /** Telegram's limit on a message's text. */
    static final int MAX_TEXT = 4096;

    private final TelegramConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    TelegramChannel(TelegramConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.TELEGRAM;
    }

    @Override
    public Outcome send(Envelope message) {
        if (config.botToken().isEmpty()) {
            return new Outcome(Result.RETRY, "no-bot-token");
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(methodUri("sendMessage"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                            "chat_id", message.to(), "text", text(message),
                            "link_preview_options", Map.of("is_disabled", true))), StandardCharsets.UTF_8))
                    .build();
            return outcome(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Result.RETRY, e.getClass().getSimpleName());
        } catch (Exception e) { // never the exception itself: a URI error would quote the token
            return new Outcome(Result.RETRY, e.getClass().getSimpleName());
        }
    }

    private URI methodUri(String method) {
        String base = config.apiBaseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/bot" + config.botToken().orElseThrow() + "/" + method);
    }

    /** The subject line, then the body; cut to Telegram's limit. */
    private static String text(Envelope message) {
        String text = message.subject() + "\n\n" + message.text().strip();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private Outcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            return Outcome.SENT;
        }
        if (status == 429) {
            return Outcome.postponed(Duration.ofSeconds(retryAfter(response.body())), "telegram-429");
        }
        if (status == 403) {
            return new Outcome(Result.PERMANENT_FAILURE, "telegram-403");
        }
        return new Outcome(Result.RETRY, "telegram-" + status);
    }

    /** {@code parameters.retry_after} of a 429, in seconds; 1 when missing or unreadable, at most an hour. */
    private long retryAfter(String body) {
        try {
            JsonNode seconds = json.readTree(body).path("parameters").path("retry_after");
            return Math.clamp(seconds.asLong(1), 1, 3600);
        } catch (Exception e) {
            return 1;
        }
    }
}
