package dev.facet.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The test suite's identity provider: one RSA key whose public half WireMock serves as a JWKS (with a discovery
 * document), and a builder for tokens signed with it — or deliberately wrong in exactly one way.
 */
public final class TestIdentityProvider {

    public static final String ISSUER = "https://idp.test.example/realms/shop";
    public static final String AUDIENCE = "facet";
    public static final String WEB = "shop-web";
    public static final String MOBILE = "shop-mobile";

    private static final String KEY_ID = "test-key-1";
    private static final KeyPair KEY = newRsaKey();

    private TestIdentityProvider() {
    }

    /** The JWKS Facet fetches to verify tokens. */
    static String jwks() {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) KEY.getPublic());
        jwk.setKeyId(KEY_ID);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        return "{\"keys\":[" + jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    /** A token for {@code userId} as the web client; adjust it with the builder's methods before {@link Token#sign()}. */
    public static Token tokenFor(String userId) {
        return new Token(userId);
    }

    public static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Token {
        private final JwtClaims claims = new JwtClaims();
        private KeyPair key = KEY;
        private String keyId = KEY_ID;

        private Token(String userId) {
            claims.setIssuer(ISSUER);
            claims.setSubject(userId);
            claims.setAudience(List.of(AUDIENCE));
            claims.setClaim("azp", WEB);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(10);
        }

        public Token client(String clientId) {
            claims.setClaim("azp", clientId);
            return this;
        }

        /** Names the client the way some identity providers do: {@code client_id} instead of {@code azp}. */
        public Token clientIdInsteadOfAzp(String clientId) {
            claims.unsetClaim("azp");
            claims.setClaim("client_id", clientId);
            return this;
        }

        public Token audience(String audience) {
            claims.setAudience(List.of(audience));
            return this;
        }

        /** Adds or replaces one claim, e.g. {@code claim("preferred_username", "u3")}. */
        public Token claim(String name, Object value) {
            claims.setClaim(name, value);
            return this;
        }

        /** Leaves one claim out, e.g. {@code without("sub")}. */
        public Token without(String name) {
            claims.unsetClaim(name);
            return this;
        }

        public Token issuer(String issuer) {
            claims.setIssuer(issuer);
            return this;
        }

        /** Expired well beyond any clock-skew allowance. */
        public Token expired() {
            NumericDate longAgo = NumericDate.now();
            longAgo.addSeconds(-3600);
            claims.setIssuedAt(NumericDate.fromSeconds(longAgo.getValue() - 600));
            claims.setExpirationTime(longAgo);
            return this;
        }

        /** Valid now, expired {@code seconds} from now. */
        public Token expiresInSeconds(long seconds) {
            NumericDate soon = NumericDate.now();
            soon.addSeconds(seconds);
            claims.setExpirationTime(soon);
            return this;
        }

        /** Signed by a key the identity provider never published, but claiming the published key's id. */
        public Token signedByAnotherKey() {
            this.key = newRsaKey();
            return this;
        }

        public String sign() {
            try {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(claims.toJson());
                jws.setKey(key.getPrivate());
                jws.setKeyIdHeaderValue(keyId);
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims with {@code "alg":"none"} and no signature, as an attacker would send them. */
        public String unsigned() {
            java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
            return base64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(claims.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
        }
    }
}
