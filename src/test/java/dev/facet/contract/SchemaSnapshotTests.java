package dev.facet.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.facet.testing.ShopServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each client's checked-in schema is the schema the code serves that client. A change to the graph shows up in
 * review as a change to {@code schema/<client>.graphql}; when it differs, the failure says which differences would
 * break that client's apps, and how to accept the change.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class SchemaSnapshotTests {

    static final String UPDATE_COMMAND = "./mvnw verify -Dfacet.schema.update=true";

    static Path snapshot(String client) {
        return Path.of("schema", client + ".graphql");
    }

    @ParameterizedTest
    @ValueSource(strings = { "web", "mobile" })
    void servedSchemaMatchesTheClientsSnapshot(String client) throws IOException {
        String served = given().header("X-Client-Name", client)
                .when().get("/graphql/schema.graphql")
                .then().statusCode(200).extract().asString();
        Path snapshot = snapshot(client);
        if (Boolean.getBoolean("facet.schema.update")) {
            Files.writeString(snapshot, served);
        }
        String checkedIn = Files.exists(snapshot) ? Files.readString(snapshot) : "";
        assertThat(served)
                .withFailMessage(() -> "The schema served to " + client + " differs from " + snapshot + ".\n"
                        + (checkedIn.isEmpty() ? "There is no snapshot yet.\n"
                                : SchemaChanges.between(checkedIn, served).report())
                        + "\nIf the change is intended, rewrite the snapshots with: " + UPDATE_COMMAND)
                .isEqualTo(checkedIn);
    }
}
