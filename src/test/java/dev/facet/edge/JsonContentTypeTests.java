package dev.facet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.facet.testing.Shop;
import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * The Content-Type real clients send: GraphiQL (the GraphQL UI) sends {@code application/json, application/json},
 * a header set twice and joined, and that must run. A list is JSON only when every member is; a JSON member beside
 * a form type or {@code text/plain} — whether in one line or in two header lines — is still refused unread, so the
 * CSRF rule of {@link GraphQLOverHttpTests} holds.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class JsonContentTypeTests extends ShopTest {

    private static final String PRODUCT = new JsonObject().put("query", "{ product(id: \"p6\") { name } }").encode();

    @Test
    void graphiqlsDoubledJsonContentTypeRuns() throws Exception {
        for (String type : new String[] { "application/json, application/json", "application/json,application/json",
                "application/json; charset=utf-8, application/json", "Application/JSON, application/json;charset=UTF-8" }) {
            HttpResponse answer = post(List.of(type));
            assertThat(answer.statusCode()).as(type).isEqualTo(200);
            assertThat(answer.body()).as(type).contains("\"name\":\"Product 6\"");
        }
        assertThat(post(List.of("application/json", "application/json")).statusCode()).as("two lines").isEqualTo(200);
    }

    @Test
    void aListWithAnyMemberThatIsNotJsonIsRefusedUnread() throws Exception {
        for (List<String> lines : List.of(List.of("application/json, text/plain"),
                List.of("text/plain, application/json"),
                List.of("application/json, application/x-www-form-urlencoded"),
                List.of("application/json, multipart/form-data; boundary=x"),
                List.of("application/json, application/json; charset=iso-8859-1"),
                List.of("application/json,"),
                List.of(", application/json"),
                List.of("application/json", "text/plain"),
                List.of("text/plain", "application/json"))) {
            HttpResponse answer = post(lines);
            assertThat(answer.statusCode()).as(lines.toString()).isEqualTo(415);
            assertThat(answer.body()).as(lines.toString()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }
        assertThat(Shop.urls(shop)).as("calls to the shop's services").isEmpty();
    }

    @Test
    void theRuleMemberByMember() {
        assertThat(GraphQLGate.isJson(List.of("application/json"))).isTrue();
        assertThat(GraphQLGate.isJson(List.of(" application/json ;charset=\"utf-8\" , application/json"))).isTrue();
        assertThat(GraphQLGate.isJson(List.of())).isFalse();
        assertThat(GraphQLGate.isJson(List.of(""))).isFalse();
        assertThat(GraphQLGate.isJson(List.of("application/json, application/jsonx"))).isFalse();
        assertThat(GraphQLGate.isJson(List.of("application/json, application/graphql"))).isFalse();
        assertThat(GraphQLGate.isJson(List.of("application/json;charset=utf-16, application/json"))).isFalse();
    }

    /**
     * A POST with exactly these Content-Type header lines, written on a socket: Java's HTTP client keeps only the
     * last of two lines of the same header.
     */
    private static HttpResponse post(List<String> contentTypeLines) throws IOException {
        StringBuilder request = new StringBuilder("POST /graphql HTTP/1.1\r\nHost: localhost\r\n")
                .append("X-Client-Name: web\r\nConnection: close\r\n")
                .append("Content-Length: ").append(PRODUCT.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        contentTypeLines.forEach(line -> request.append("Content-Type: ").append(line).append("\r\n"));
        request.append("\r\n").append(PRODUCT);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new HttpResponse(Integer.parseInt(answer.split(" ", 3)[1]), answer);
        }
    }

    private record HttpResponse(int statusCode, String body) {
    }
}
