package kz.region715.dsr.platform.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's Telegram bot, as this service uses it: to write to subjects who came through the bot (the Bot API's
 * {@code sendMessage}) and to check Telegram Login Widget data. The token is a secret: never logged, never in an
 * exception message or an answer (the Bot API's URLs contain it, so no URL is logged either).
 */
@ConfigMapping(prefix = "dsr.telegram")
public interface TelegramConfig {

    /** The bot's token from BotFather; without it nothing is sent to Telegram and widget data is refused. */
    Optional<String> botToken();

    /** Where the Bot API is (a proxy, or a fake in tests); the token and method are appended. */
    @WithDefault("https://api.telegram.org")
    URI apiBaseUrl();

    /** How old Login Widget data may be (its {@code auth_date}) and still prove the account. */
    @WithDefault("PT1H")
    Duration loginMaxAge();
}
