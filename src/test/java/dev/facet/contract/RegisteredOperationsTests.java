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
 * Every operation a frontend registered under {@code clients/} validates against the checked-in schema, so a graph
 * change that would break an app fails the build and names the operation. {@link SchemaSnapshotTests} keeps the
 * snapshot equal to what the code serves.
 */
class RegisteredOperationsTests {

    @TestFactory
    Stream<DynamicTest> everyRegisteredOperationValidates() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(SchemaSnapshotTests.SNAPSHOT)));
        List<Path> operations;
        try (Stream<Path> files = Files.walk(Path.of("clients"))) {
            operations = files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
        }
        assertThat(operations).as("registered operations under clients/").isNotEmpty();
        return operations.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                    ExecutionInput.newExecutionInput(Files.readString(file)).build());
            assertThat(result.getErrors())
                    .withFailMessage(() -> file + " does not validate: "
                            + result.getErrors().stream().map(GraphQLError::getMessage).toList())
                    .isEmpty();
        }));
    }
}
