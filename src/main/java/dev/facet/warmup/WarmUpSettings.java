package dev.facet.warmup;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How Facet warms itself up before it reports ready, under {@code facet.warm-up.…}: which registered operations it
 * sends itself, with which variables, and how many times.
 */
@ConfigMapping(prefix = "facet.warm-up")
public interface WarmUpSettings {

    /** Whether readiness waits for a warm-up (on in prod; off in dev and test, where start-up speed matters). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How many times each operation is sent in all, its sets of variables in turn; the first time with each set reaches
     * the services, the rest replay their answers.
     * 1000 because the JIT compiles a method once it has run about a thousand times (docker/jvm.options): at 400 a
     * fresh instance at 400 requests/s still refused a third of them for its first 4 s; between 600 and 1500 the
     * first seconds after readiness were no better or worse we could measure (with 5000, one start, the JIT was as busy
     * after readiness), and every 500 more is 5 s later ready.
     */
    @WithDefault("1000")
    int requests();

    /**
     * How many warm-up requests are in flight at once. 64, more than execute at once ({@code
     * facet.limits.max-executing-queries}, 40), left fewer of the JIT's deoptimizations for a fresh instance's first
     * seconds (71-92 against 96-122, 6 starts each), but its instances were 205 and 210 MB resident at readiness
     * against 193 and 197 before; with 8, 192 and 205 MB (one start varies by several MB). Until that is pinned down, 8.
     */
    @WithDefault("8")
    int concurrency();

    /** The longest the warm-up may take; readiness reports UP when it ends, finished or not. */
    @WithDefault("60s")
    java.time.Duration maxDuration();

    /**
     * The shop user the signed-in operations run as (its id, as a token's user claim would give it). Without one,
     * operations that need a signed-in user are left out.
     */
    Optional<String> user();

    /**
     * By client and registered operation name, the variables (a JSON object) to send it with, e.g.
     * {@code facet.warm-up.operations.web.ProductPage={"id":"p42"}}, or several sets of them (a JSON array of objects),
     * sent in turn: data of other sizes and shapes (a product without reviews, a second page) runs code one set never
     * does. Only operations listed here are sent. A mutation's
     * writes never reach a service: the warm-up's replay refuses them ({@link WarmUpReplay}).
     */
    Map<String, Map<String, String>> operations();
}
