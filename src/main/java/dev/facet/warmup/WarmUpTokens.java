package dev.facet.warmup;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import dev.facet.security.IdentitySettings;
import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;

/**
 * The bearer tokens of the warm-up's signed-in requests, verified by Quarkus OIDC exactly as a caller's are — the
 * JWT's parsing, its RS256 signature, its claims, the identity built from them. A cold instance that gets its first
 * signed-in traffic spends its first seconds compiling that path, once per new token: measured on 2 cores, a fresh
 * instance took Home and AccountPage for 200 users at 20 % in full in its first second; after 1,500 requests with
 * verified tokens, at 100 %.
 *
 * <p>Facet is not the identity provider and cannot sign the provider's tokens; so the warm-up has a key pair of its
 * own, made at start-up, and an OIDC tenant ({@value #TENANT}) that trusts only its public key. Only a request that
 * proves the warm-up's secret is resolved to that tenant ({@link WarmUpTenant}), and the private key is dropped
 * when the warm-up ends: no token of that tenant can be made again, and none is ever chosen again. Tokens are signed
 * with jose4j, the library Quarkus OIDC verifies them with.
 */
@Singleton
public class WarmUpTokens {

    static final String TENANT = "facet-warm-up";
    private static final String ISSUER = "facet-warm-up";

    private final boolean needed;
    private final String userIdClaim;
    private final long lifetimeSeconds;
    private volatile KeyPair keys;

    WarmUpTokens(WarmUpSettings settings, IdentitySettings identity) {
        this.needed = settings.enabled() && settings.user().isPresent();
        this.userIdClaim = identity.userIdClaim();
        this.lifetimeSeconds = settings.maxDuration().toSeconds() + 60;
    }

    /** Registers the warm-up's tenant with Quarkus OIDC at start-up, when there is a signed-in warm-up to run. */
    void register(@Observes Oidc oidc) {
        if (!needed) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("RSA is part of every Java runtime", impossible);
        }
        oidc.create(OidcTenantConfig.builder()
                .tenantId(TENANT)
                .applicationType(ApplicationType.SERVICE)
                .publicKey(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
                .token().issuer(ISSUER).audience(TENANT).principalClaim("sub").end()
                .build());
    }

    /** Whether signed-in warm-up requests can be made: until the warm-up ends, when there is a warm-up user. */
    boolean available() {
        return keys != null;
    }

    /** A new token for {@code user} of the OIDC client {@code clientId}, or null once the warm-up is over. */
    String mint(String user, String clientId) {
        KeyPair current = keys;
        if (current == null) {
            return null;
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(TENANT);
        claims.setSubject(user);
        claims.setClaim(userIdClaim, user);
        claims.setClaim("azp", clientId);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        claims.setJwtId(UUID.randomUUID().toString());
        return sign(claims, current.getPrivate());
    }

    /** The warm-up is over: no token of its tenant can be made any more. */
    void forget() {
        keys = null;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException unsignable) {
            throw new IllegalStateException("Cannot sign a warm-up token", unsignable);
        }
    }
}
