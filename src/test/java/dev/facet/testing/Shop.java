package dev.facet.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** How tests talk to Facet and read what reached the shop's services. */
public final class Shop {

    public static final String WEB = "web";
    public static final String MOBILE = "mobile";

    private Shop() {
    }

    /** A registered operation exactly as the frontend team checked it in under {@code clients/}. */
    public static String operation(String client, String name) {
        try {
            return Files.readString(Path.of("clients", client, name + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code document} anonymously as the web client. */
    public static ValidatableResponse query(String document) {
        return queryAs(WEB, document, Map.of());
    }

    /** Sends {@code document} anonymously as the web client. */
    public static ValidatableResponse query(String document, Map<String, Object> variables) {
        return queryAs(WEB, document, variables);
    }

    /** Sends {@code document} anonymously, naming {@code client} with the X-Client-Name header. */
    public static ValidatableResponse queryAs(String client, String document, Map<String, Object> variables) {
        return sendAs(client, null, document, variables);
    }

    /** Sends {@code document} with {@code token} as bearer token; the token's client decides the schema. */
    public static ValidatableResponse send(String token, String document, Map<String, Object> variables) {
        return sendAs(null, token, document, variables);
    }

    /** Sends {@code document}; {@code client} (X-Client-Name) and {@code token} are left out when null. */
    public static ValidatableResponse sendAs(String client, String token, String document,
            Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (client != null) {
            request = request.header("X-Client-Name", client);
        }
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then();
    }

    /**
     * Fails unless the errors of a GraphQL answer are free of anything internal: exception classes, stack lines,
     * hosts, ports, URLs. Only the errors are searched: data legitimately holds the shop's public image URLs.
     */
    public static void assertLeaksNothing(String body, WireMockServer shop) {
        String errors = String.valueOf(JsonPath.from(body).getList("errors"));
        assertThat(errors)
                .doesNotContain("Exception")
                .doesNotContain("localhost")
                .doesNotContain("127.0.0.1")
                .doesNotContain(":" + shop.port())
                .doesNotContain("http")
                .doesNotContain("\tat ")
                .doesNotContain("java.")
                .doesNotContain("dev.facet")
                .doesNotContain("classification");
    }

    /** The requests each service received, by service name (only the services that received any). */
    public static Map<String, List<ServeEvent>> requestsByService(WireMockServer shop) {
        return shop.getAllServeEvents().stream()
                .filter(event -> !event.getRequest().getUrl().startsWith("/idp/"))
                .collect(Collectors.groupingBy(event -> event.getRequest().getUrl().split("/")[1]));
    }

    /** How many requests each service received, e.g. {@code {catalog=2, inventory=1}}. */
    public static Map<String, Integer> callCounts(WireMockServer shop) {
        return requestsByService(shop).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().size()));
    }

    /** The paths (with query) the shop's services received, for messages and for exact assertions. */
    public static List<String> urls(WireMockServer shop) {
        return shop.getAllServeEvents().stream()
                .map(event -> event.getRequest().getUrl())
                .filter(url -> !url.startsWith("/idp/"))
                .sorted()
                .toList();
    }
}
