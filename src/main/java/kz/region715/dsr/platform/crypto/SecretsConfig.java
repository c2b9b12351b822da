package kz.region715.dsr.platform.crypto;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;

@ConfigMapping(prefix = "dsr.secrets")
public interface SecretsConfig {

    /** Key of the keyed hashes (tokens, codes, e-mail pseudonyms). At least 32 characters. */
    @Size(min = 32)
    String hmacKey();
}
