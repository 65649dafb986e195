package dev.facet.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.facet.testing.ShopServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The checked-in schema is the schema the code serves. A change to the graph shows up as a change to
 * {@code schema/shop.graphql} in review, where frontend teams see it.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class SchemaSnapshotTests {

    static final Path SNAPSHOT = Path.of("schema", "shop.graphql");
    static final String UPDATE_COMMAND = "./mvnw verify -Dfacet.schema.update=true";

    @Test
    void servedSchemaMatchesTheSnapshot() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("facet.schema.update")) {
            Files.writeString(SNAPSHOT, served);
        }
        String snapshot = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "";
        assertThat(served)
                .withFailMessage(() -> "The served schema differs from " + SNAPSHOT + ":\n" + difference(snapshot, served)
                        + "\nIf the change is intended, rewrite the snapshot with: " + UPDATE_COMMAND)
                .isEqualTo(snapshot);
    }

    private static String difference(String snapshot, String served) {
        List<String> before = snapshot.lines().toList();
        List<String> after = served.lines().toList();
        StringBuilder report = new StringBuilder();
        before.stream().filter(line -> !after.contains(line)).forEach(line -> report.append("- ").append(line).append('\n'));
        after.stream().filter(line -> !before.contains(line)).forEach(line -> report.append("+ ").append(line).append('\n'));
        return report.toString();
    }
}
