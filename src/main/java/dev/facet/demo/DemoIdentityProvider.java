package dev.facet.demo;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;

/**
 * A stand-in identity provider for dev mode: it publishes a JWKS and signs access tokens for any demo user as
 * either frontend, so a developer can try signed-in operations without a real IdP. Its key is made in memory at
 * start-up and never leaves the process; the endpoints exist only in builds with {@code facet.demo.enabled=true}.
 */
@Path("/demo/oidc")
@Singleton
@NonBlocking
@IfBuildProperty(name = "facet.demo.enabled", stringValue = "true")
public class DemoIdentityProvider {

    private static final Pattern USER_ID = Pattern.compile("u[1-9][0-9]{0,5}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int LIFETIME_MINUTES = 60;

    private final RsaJsonWebKey key;
    private final String issuer;
    private final List<String> audience;

    DemoIdentityProvider(@ConfigProperty(name = "quarkus.oidc.token.issuer") String issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") List<String> audience) throws JoseException {
        this.key = RsaJwkGenerator.generateJwk(2048);
        this.key.setKeyId("demo-" + UUID.randomUUID());
        this.key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        this.key.setUse("sig");
        this.issuer = issuer;
        this.audience = audience;
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    /** An access token for {@code user} as {@code client}, e.g. {@code ?user=u42&client=shop-mobile}. */
    @GET
    @Path("/token")
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@QueryParam("user") @DefaultValue("u1") String user,
            @QueryParam("client") @DefaultValue("shop-web") String client) throws JoseException {
        if (!USER_ID.matcher(user).matches() || !CLIENT_ID.matcher(client).matches()) {
            throw new BadRequestException("user must look like u42 and client like shop-web");
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user);
        claims.setAudience(audience);
        claims.setClaim("azp", client);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(LIFETIME_MINUTES);
        claims.setGeneratedJwtId();

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

}
