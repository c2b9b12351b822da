package kz.region715.dsr.platform.security;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A minimal OpenID Connect issuer for tests: discovery document and JWKS over
 * HTTP on localhost, and RS256-signed access tokens. The service validates them
 * with its production OIDC settings.
 */
public class OidcIssuer implements QuarkusTestResourceLifecycleManager {

    /** The profile of tests that call the service with bearer tokens from this issuer. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcIssuer.class));
        }
    }

    private static final String KEY_ID = "test-key";
    private static KeyPair keys;
    private static String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        keys = newKeyPair();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/dsr";
        String jwksPath = "/realms/dsr/protocol/openid-connect/certs";
        serve("/realms/dsr/.well-known/openid-configuration", """
                {"issuer": "%s", "jwks_uri": "%s", "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(issuer, "http://127.0.0.1:" + server.getAddress().getPort() + jwksPath));
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        serve(jwksPath, """
                {"keys": [{"kty": "RSA", "kid": "%s", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                .formatted(KEY_ID, unsigned(publicKey.getModulus()), unsigned(publicKey.getPublicExponent())));
        server.start();
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                // A deployment whose identity provider puts roles in a "groups" claim (OIDC_ROLE_CLAIM=groups).
                "quarkus.oidc.roles.role-claim-path", "groups");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token from this issuer with the given roles in {@code claim}, valid until {@code expires}. */
    public static String token(String subject, String claim, List<String> roles, Instant expires) {
        return sign(keys, subject, claim, roles, expires);
    }

    /** A well-formed token signed with a key the service does not trust. */
    public static String forgedToken(String subject, List<String> roles) {
        return sign(newKeyPair(), subject, "groups", roles, Instant.now().plusSeconds(300));
    }

    private static String sign(KeyPair signer, String subject, String claim, List<String> roles, Instant expires) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String roleList = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String payload = "{\"iss\":\"%s\",\"sub\":\"%s\",\"preferred_username\":\"%s\",\"iat\":%d,\"exp\":%d,\"%s\":[%s]}"
                .formatted(issuer, subject, subject, Instant.now().minusSeconds(5).getEpochSecond(),
                        expires.getEpochSecond(), claim, roleList);
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return base64(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
