package kz.region715.dsr.verification;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The data Telegram's Login Widget hands the page, passed on as received (the hash covers every field). */
@Schema(name = "TelegramLogin")
public record TelegramLoginCommand(
        @NotBlank @Pattern(regexp = "[1-9][0-9]{0,15}", message = "must be a Telegram user id (digits)") String id,
        @JsonProperty("first_name") @Size(max = 256) String firstName,
        @JsonProperty("last_name") @Size(max = 256) String lastName,
        @Size(max = 64) String username,
        @JsonProperty("photo_url") @Size(max = 1000) String photoUrl,
        @JsonProperty("auth_date") @NotBlank @Pattern(regexp = "[0-9]{1,12}", message = "must be a Unix time")
        String authDate,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 hexadecimal digits") String hash) {

    /** The fields as Telegram named them, those received only. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("first_name", firstName);
        fields.put("last_name", lastName);
        fields.put("username", username);
        fields.put("photo_url", photoUrl);
        fields.put("auth_date", authDate);
        fields.put("hash", hash);
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }
}
