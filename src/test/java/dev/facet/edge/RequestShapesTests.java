package dev.facet.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.facet.errors.ErrorCode;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every shape a request's parameters can take — each of {@code query}, {@code operationName}, {@code variables} and
 * {@code extensions} (with its {@code persistedQuery}) absent, null, of the wrong type, empty, or well-formed — over
 * POST and over GET: whatever the combination, Facet answers with a public code and never a 5xx, {@code INTERNAL},
 * an exception's name or a stack trace. The combinations are enumerated, not sampled, so a hole found once stays found.
 * (The list in the variables has 150 items, over the input-list limit yet short enough for a GET's request line:
 * a longer line is refused by the HTTP server itself, 414 without a body.)
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class RequestShapesTests extends ShopTest {

    private static final Object ABSENT = new Object();
    private static final String HASH = "a".repeat(64);

    private static final List<Object> QUERIES = List.of(ABSENT, JsonNull.NULL, 42, "", "   ", "{ __typename }",
            "{ nope", new JsonObject().put("query", "{ __typename }"));
    private static final List<Object> OPERATION_NAMES = List.of(ABSENT, JsonNull.NULL, 7, "", "Missing");
    private static final List<Object> VARIABLES = List.of(ABSENT, JsonNull.NULL, "{}", new JsonArray().add(1),
            new JsonObject(), new JsonObject().put("ids", new JsonArray(new ArrayList<>(
                    Arrays.asList(new Object[150])))));
    private static final List<Object> EXTENSIONS = List.of(ABSENT, JsonNull.NULL, "x", new JsonArray(),
            new JsonObject(),
            new JsonObject().putNull("persistedQuery"),
            new JsonObject().put("persistedQuery", "x"),
            new JsonObject().put("persistedQuery", new JsonObject()),
            new JsonObject().put("persistedQuery", new JsonObject().put("version", 1)),
            new JsonObject().put("persistedQuery", new JsonObject().put("sha256Hash", HASH)),
            new JsonObject().put("persistedQuery", new JsonObject().put("version", 2).put("sha256Hash", HASH)),
            new JsonObject().put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", 12)),
            new JsonObject().put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", "zz")),
            new JsonObject().put("persistedQuery", new JsonObject().put("version", 1).put("sha256Hash", HASH)));

    private static final Set<String> PUBLIC_CODES = EnumSet.complementOf(EnumSet.of(ErrorCode.INTERNAL)).stream()
            .map(Enum::name).collect(Collectors.toSet());

    @Test
    void everyShapeOfPostBodyGetsAPublicAnswer() {
        List<String> holes = new ArrayList<>();
        for (Object query : QUERIES) {
            for (Object name : OPERATION_NAMES) {
                for (Object variables : VARIABLES) {
                    for (Object extensions : EXTENSIONS) {
                        JsonObject body = new JsonObject();
                        put(body, "query", query);
                        put(body, "operationName", name);
                        put(body, "variables", variables);
                        put(body, "extensions", extensions);
                        Response answer = web().contentType("application/json").body(body.encode()).post("/graphql");
                        check("POST " + body.encode(), answer, holes);
                    }
                }
            }
        }
        assertThat(holes).as("requests without a public answer").isEmpty();
    }

    @Test
    void everyShapeOfQueryStringGetsAPublicAnswer() {
        List<String> holes = new ArrayList<>();
        for (Object query : QUERIES) {
            for (Object variables : VARIABLES) {
                for (Object extensions : EXTENSIONS) {
                    RequestSpecification request = web().urlEncodingEnabled(true);
                    StringBuilder shown = new StringBuilder("GET");
                    if (query != ABSENT) {
                        request = request.queryParam("query", text(query));
                        shown.append(" query=").append(text(query));
                    }
                    if (variables != ABSENT) {
                        request = request.queryParam("variables", text(variables));
                        shown.append(" variables=").append(text(variables));
                    }
                    if (extensions != ABSENT) {
                        request = request.queryParam("extensions", text(extensions));
                        shown.append(" extensions=").append(text(extensions));
                    }
                    check(shown.toString(), request.get("/graphql"), holes);
                }
            }
        }
        assertThat(holes).as("requests without a public answer").isEmpty();
    }

    private static RequestSpecification web() {
        return given().header("X-Client-Name", "web").header("Accept", "application/json");
    }

    private static void check(String request, Response answer, List<String> holes) {
        String body = answer.asString();
        String problem = null;
        if (answer.statusCode() >= 500) {
            problem = "HTTP " + answer.statusCode();
        } else if (body.isBlank()) {
            problem = "HTTP " + answer.statusCode() + " without a body";
        } else if (body.contains("Exception") || body.contains("\tat ") || body.contains("INTERNAL")) {
            problem = "leaks or INTERNAL";
        } else {
            JsonObject json = new JsonObject(body);
            JsonArray errors = json.getJsonArray("errors");
            if (errors == null && json.getValue("data") == null) {
                problem = "neither data nor errors";
            } else if (errors != null) {
                for (Object error : errors) {
                    JsonObject extensions = ((JsonObject) error).getJsonObject("extensions");
                    String code = extensions == null ? null : extensions.getString("code");
                    if (!PUBLIC_CODES.contains(code)) {
                        problem = "code " + code;
                    }
                }
            }
        }
        if (problem != null) {
            holes.add(request + " -> " + problem + ": " + body.substring(0, Math.min(body.length(), 200)));
        }
    }

    private static void put(JsonObject body, String key, Object value) {
        if (value == JsonNull.NULL) {
            body.putNull(key);
        } else if (value != ABSENT) {
            body.put(key, value);
        }
    }

    private static String text(Object value) {
        return value == JsonNull.NULL ? "null" : value instanceof String string ? string : Json.encode(value);
    }

    /** JSON's null, as a value distinct from a parameter left out. */
    private enum JsonNull {
        NULL
    }
}
