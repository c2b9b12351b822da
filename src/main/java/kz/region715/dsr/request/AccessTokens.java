package kz.region715.dsr.request;

import jakarta.enterprise.context.ApplicationScoped;
import kz.region715.dsr.platform.crypto.Secrets;

/** The one place where a request's access token (the secret in its status link) is minted and checked. */
@ApplicationScoped
public class AccessTokens {

    /** Purpose label of the keyed hash of a request's access token. */
    static final String PURPOSE = "access-token";

    /** A new token, to send to the subject, and its keyed hash, which is all the request keeps. */
    public record Minted(String token, String hash) {
    }

    private final Secrets secrets;

    AccessTokens(Secrets secrets) {
        this.secrets = secrets;
    }

    public Minted mint() {
        String token = secrets.newToken();
        return new Minted(token, secrets.keyedHash(PURPOSE, token));
    }

    /** Whether {@code token} is the one whose hash is {@code storedHash} (false when either is missing). */
    boolean matches(String token, String storedHash) {
        return secrets.matches(PURPOSE, token, storedHash);
    }
}
