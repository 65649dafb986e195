package dev.facet.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The bearer tokens Facet has already verified, with the identity each one gave, so that a frontend sending the
 * same token on every request has its signature checked once rather than each time — on a signed-in page, the
 * verification (JWT parsing, an RSA signature, claim checks) costs as much as the whole rest of the gate.
 *
 * <p>Quarkus OIDC verifies every bearer token afresh: its token cache serves introspection and UserInfo, not local
 * JWT verification. So this provider, ahead of OIDC's, answers a token it has seen, exactly the same string, for as
 * long as {@code facet.identity.verified-tokens.max-age} allows and never after the token's own expiry; it answers
 * nothing for any other token, which OIDC then verifies — and {@link Remember}, run after every augmentor,
 * remembers the identity OIDC gave. A token OIDC refused is never remembered, so it is refused each time.
 */
@Singleton
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** What a remembered identity costs besides its token: principal, claims set, credential, attributes. */
    static final int IDENTITY_BYTES = 2048;

    /** Quarkus puts a token's expiry here, in epoch seconds. */
    private static final String EXPIRE_TIME = "quarkus.identity.expire-time";
    /** And the OIDC tenant that verified it here ({@code OidcUtils.TENANT_ID_ATTRIBUTE}); the configured one is "Default". */
    private static final String TENANT_ID = "tenant-id";
    private static final String DEFAULT_TENANT = "Default";

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Cache<String, Verified> verified;
    private final boolean remembering;

    VerifiedTokens(IdentitySettings settings) {
        Duration maxAge = settings.verifiedTokens().maxAge();
        MemorySize size = settings.verifiedTokens().cacheSize();
        this.remembering = !maxAge.isZero() && !maxAge.isNegative() && size.asLongValue() > 0;
        this.verified = Caffeine.newBuilder()
                // frequencies counted from the first use, not from half full (see PreparedDocuments)
                .initialCapacity(256)
                .maximumWeight(Math.max(1, size.asLongValue()))
                .weigher((String token, Verified entry) -> weight(token))
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified entry, long now) {
                        long untilExpiry = Duration.ofSeconds(Math.max(0,
                                entry.expiresAtSecond() - Instant.now().getEpochSecond())).toNanos();
                        return Math.min(untilExpiry, maxAge.toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified entry, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, Verified entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    static int weight(String token) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * token.length() + IDENTITY_BYTES);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of Quarkus OIDC's provider, which has the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(find(request));
    }

    private SecurityIdentity find(TokenAuthenticationRequest request) {
        return request.getToken() instanceof AccessTokenCredential credential && credential.getToken() != null
                ? find(credential.getToken())
                : null;
    }

    /** The identity {@code token} gave when it was verified, while it may still be trusted; else null. */
    SecurityIdentity find(String token) {
        if (!remembering) {
            return null;
        }
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return null;
        }
        if (Instant.now().getEpochSecond() >= known.expiresAtSecond()) {
            verified.invalidate(token);
            return null; // expired since: OIDC says so, with its own answer
        }
        return known.identity();
    }

    /** Remembers the identity a token just gave, unless it is one this cache already answered. */
    SecurityIdentity remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        Object expiresAt = identity.getAttribute(EXPIRE_TIME);
        if (!remembering || identity.isAnonymous() || credential == null || credential.getToken() == null
                || !(expiresAt instanceof Number expiry) || !configuredProvider(identity)) {
            return identity;
        }
        verified.asMap().computeIfAbsent(credential.getToken(),
                token -> new Verified(withoutRequest(identity), expiry.longValue()));
        return identity;
    }

    /**
     * Whether the identity comes from the identity provider Facet is configured with: Quarkus OIDC's default tenant.
     * Another tenant is Facet's own business (the warm-up's), whose tokens must be verified each time they come.
     */
    private static boolean configuredProvider(SecurityIdentity identity) {
        Object tenant = identity.getAttribute(TENANT_ID);
        return tenant == null || DEFAULT_TENANT.equals(tenant);
    }

    /**
     * The identity without what belongs to the request that presented the token (Quarkus keeps its routing context
     * among the attributes): a remembered identity must not hold on to, or hand out, an earlier request.
     */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!(attribute.getValue() instanceof RoutingContext)) {
                copy.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return copy.build();
    }

    /** Runs after every other augmentor, so that what is remembered is the identity as the request finally saw it. */
    @ApplicationScoped
    static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.remember(identity));
        }
    }
}
