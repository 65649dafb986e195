package dev.facet.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One route an operator declared public ({@code facet.cache.<service>.<route>.ttl}), e.g. the catalog's products:
 * its answers are shared by every request, whoever asked — so the service adapter must fetch them as nobody (without
 * the caller's token) and under no one request's deadline.
 *
 * <p>Each request gets its own copy of a shared answer's future: Mutiny cancels what it waits for when the request
 * gives up (its deadline, a failed sibling field), and cancelling the shared call itself would fail it for every
 * other request waiting. The answer is delivered on the asking request's Vert.x context, whichever request's call
 * brought it.
 */
public final class PublicRoute<T> {

    /** About what the map entry, key and wrapper take besides the answer itself. */
    private static final long ENTRY_OVERHEAD = 200;

    private final String name;
    private final Duration ttl;
    private final JavaType type;
    private final ObjectMapper json;
    private final AnswerCache cache;
    private final SharedAnswers shared;
    private final CacheCounts counts = new CacheCounts();

    /** @param shared Redis as a second level, or null */
    PublicRoute(String name, Duration ttl, JavaType type, ObjectMapper json, AnswerCache cache,
            SharedAnswers shared) {
        this.name = name;
        this.ttl = ttl;
        this.type = type;
        this.json = json;
        this.cache = cache;
        this.shared = shared;
    }

    /** {@code service.route}, e.g. {@code catalog.products}. */
    public String name() {
        return name;
    }

    public CacheCounts counts() {
        return counts;
    }

    /** The answer for {@code id}: kept, in flight for another request, in Redis, else {@code fetch}ed now. */
    public Uni<T> one(String id, Supplier<Uni<Fetched<T>>> fetch) {
        return Uni.createFrom().deferred(() -> {
            CacheKey key = new CacheKey(name, id);
            counts.asked(1);
            noteInFlight(key);
            CompletableFuture<Kept> entry = cache.get(key, missing -> load(missing, fetch));
            return onCallersContext(entry.copy()).map(kept -> kept == null ? null : value(kept));
        });
    }

    /**
     * The answers for {@code ids}, by id: those kept or in flight are not asked again, and all the others are
     * fetched in one go ({@code fetch} receives them, in order, and answers each with the header of the call it came
     * in). An id the service does not answer is left out, and not remembered.
     */
    public Uni<Map<String, T>> many(Collection<String> ids, Function<List<String>, Uni<List<Fetched<T>>>> fetch,
            Function<T, String> idOf) {
        return Uni.createFrom().deferred(() -> {
            Set<CacheKey> keys = new LinkedHashSet<>();
            ids.stream().filter(Objects::nonNull).forEach(id -> keys.add(new CacheKey(name, id)));
            if (keys.isEmpty()) {
                return Uni.createFrom().item(Map.<String, T>of());
            }
            counts.asked(keys.size());
            keys.forEach(this::noteInFlight);
            CompletableFuture<Map<CacheKey, Kept>> entries = cache.getAll(keys,
                    missing -> loadAll(List.copyOf(missing), fetch, idOf));
            return onCallersContext(entries.copy()).map(found -> {
                Map<String, T> byId = new HashMap<>();
                found.forEach((key, kept) -> byId.put(key.id(), value(kept)));
                return byId;
            });
        });
    }

    private CompletableFuture<Kept> load(CacheKey key, Supplier<Uni<Fetched<T>>> fetch) {
        counts.missed(1);
        // an answer without a value (a body-less 200) is passed on but not kept: Caffeine drops an entry of null
        Uni<Kept> fromService = Uni.createFrom().<Fetched<T>>deferred(fetch::get)
                .map(answer -> answer.value() == null ? null : kept(key, answer));
        if (shared == null) {
            return fromService.subscribeAsCompletionStage();
        }
        return shared.find(List.of(key))
                .flatMap(found -> found.containsKey(key) ? Uni.createFrom().item(fromRedis(found.get(key)))
                        : fromService)
                .subscribeAsCompletionStage();
    }

    private CompletableFuture<Map<CacheKey, Kept>> loadAll(List<CacheKey> missing,
            Function<List<String>, Uni<List<Fetched<T>>>> fetch, Function<T, String> idOf) {
        counts.missed(missing.size());
        Uni<Map<CacheKey, SharedAnswers.Found>> inRedis = shared == null ? Uni.createFrom().item(Map.of())
                : shared.find(missing);
        return inRedis.flatMap(found -> {
            Map<CacheKey, Kept> answers = new HashMap<>();
            found.forEach((key, value) -> answers.put(key, fromRedis(value)));
            List<String> rest = new ArrayList<>();
            missing.stream().filter(key -> !answers.containsKey(key)).forEach(key -> rest.add(key.id()));
            if (rest.isEmpty()) {
                return Uni.createFrom().item(answers);
            }
            Set<String> asked = Set.copyOf(rest);
            return fetch.apply(rest).map(fetched -> {
                for (Fetched<T> answer : fetched) {
                    String id = answer.value() == null ? null : idOf.apply(answer.value());
                    if (id != null && asked.contains(id)) {
                        CacheKey key = new CacheKey(name, id);
                        answers.put(key, kept(key, answer));
                    }
                }
                return answers;
            });
        }).subscribeAsCompletionStage();
    }

    /** The service's answer as kept here (and in Redis), for as long as the route and its Cache-Control allow. */
    private Kept kept(CacheKey key, Fetched<T> answer) {
        long keep = CacheControl.keep(answer.cacheControl(), ttl).toNanos();
        String text = write(answer.value());
        if (shared != null) {
            shared.store(key, text, keep);
        }
        return new Kept(answer.value(), keep, weight(text));
    }

    private Kept fromRedis(SharedAnswers.Found found) {
        counts.foundShared(1);
        try {
            Object value = json.readValue(found.json(), type);
            return new Kept(value, Math.min(found.keepNanos(), ttl.toNanos()), weight(found.json()));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("An answer in Redis for " + name + " is not what this Facet writes",
                    unreadable);
        }
    }

    /**
     * An answer's JSON is about the size of its strings on the heap, which hold one byte a character (compact
     * strings) plus headers; twice its length is a fair estimate, as for the persisted queries.
     */
    private static long weight(String text) {
        return ENTRY_OVERHEAD + 2L * text.length();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    private void noteInFlight(CacheKey key) {
        CompletableFuture<Kept> present = cache.present(key);
        if (present != null && !present.isDone()) {
            counts.joined();
        }
    }

    @SuppressWarnings("unchecked")
    private T value(Kept kept) {
        return (T) kept.value();
    }

    /** {@code future}'s outcome, on the Vert.x context of whoever subscribes, as if the call had been theirs. */
    private static <V> Uni<V> onCallersContext(CompletableFuture<V> future) {
        Context caller = Vertx.currentContext();
        Uni<V> answer = Uni.createFrom().completionStage(future);
        if (caller == null) {
            return answer;
        }
        return answer.emitOn(task -> {
            if (Vertx.currentContext() == caller) {
                task.run();
            } else {
                caller.runOnContext(ignored -> task.run());
            }
        });
    }
}
