package dev.facet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Every operation a frontend registered under {@code clients/<client>/} validates against that client's checked-in
 * schema, so a graph change that would break an app fails the build and names the operation file.
 * {@link SchemaSnapshotTests} keeps the snapshots equal to what the code serves.
 */
class RegisteredOperationsTests {

    @TestFactory
    Stream<DynamicTest> everyRegisteredOperationValidatesAgainstItsClientsSchema() throws IOException {
        List<Path> clients;
        try (Stream<Path> folders = Files.list(Path.of("clients"))) {
            clients = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(clients).as("client folders under clients/").isNotEmpty();
        return clients.stream().flatMap(RegisteredOperationsTests::operationsOf);
    }

    private static Stream<DynamicTest> operationsOf(Path clientFolder) {
        String client = clientFolder.getFileName().toString();
        try (Stream<Path> files = Files.list(clientFolder)) {
            List<Path> operations = files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
            GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(Files.readString(SchemaSnapshotTests.snapshot(client))));
            return operations.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
                ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                        ExecutionInput.newExecutionInput(Files.readString(file)).build());
                assertThat(result.getErrors())
                        .withFailMessage(() -> file + " does not validate against " + SchemaSnapshotTests.snapshot(client)
                                + ": " + result.getErrors().stream().map(GraphQLError::getMessage).toList())
                        .isEmpty();
            }));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
