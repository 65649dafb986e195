package dev.facet.contract;

import java.util.List;
import java.util.function.Predicate;

import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.DiffLevel;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * What changed between the checked-in schema snapshot and the schema the code serves, as graphql-java's
 * {@link SchemaDiff} classifies it: breaking, dangerous, or a plain addition.
 * <p>
 * The classification is graphql-java's, not ours. Two consequences worth knowing when reading a report: the diff walks
 * the old schema from its root types, so a new type shows up only through the new field that returns it (a type no
 * root reaches is not reported at all), and a renamed type shows up as every field that returned it changing type.
 */
final class SchemaChanges {

    private final List<String> breaking;
    private final List<String> dangerous;
    private final List<String> additions;

    private SchemaChanges(List<DiffEvent> events) {
        this.breaking = lines(events, event -> event.getLevel() == DiffLevel.BREAKING);
        this.dangerous = lines(events, event -> event.getLevel() == DiffLevel.DANGEROUS);
        // SchemaDiff also reports an INFO event per type, field and argument it walks past ("Examining field ...");
        // those carry no category, so only categorised INFO events are changes.
        this.additions = lines(events, event -> event.getLevel() == DiffLevel.INFO && event.getCategory() != null);
    }

    static SchemaChanges between(String snapshotSdl, String servedSdl) {
        CapturingReporter reporter = new CapturingReporter();
        // Parsing alone would diff an SDL that references undeclared types and report nonsense; building the schema
        // first makes a broken snapshot fail here, with graphql-java's own error.
        SchemaDiffSet diffSet = SchemaDiffSet.diffSetFromSdl(schema(snapshotSdl), schema(servedSdl));
        // Default options: enforcing directives would call un-deprecating a field (dropping @deprecated) breaking.
        new SchemaDiff().diffSchema(diffSet, reporter);
        return new SchemaChanges(reporter.getEvents());
    }

    List<String> breaking() {
        return breaking;
    }

    List<String> dangerous() {
        return dangerous;
    }

    List<String> additions() {
        return additions;
    }

    /** Breaking changes first, because those are the ones a failing test has to explain. */
    String report() {
        if (breaking.isEmpty() && dangerous.isEmpty() && additions.isEmpty()) {
            return "No changes between the snapshot and the served schema.\n";
        }
        StringBuilder report = new StringBuilder();
        section(report, "Breaking for clients", breaking);
        section(report, "Dangerous (clients may behave differently)", dangerous);
        section(report, "Additions (safe for clients)", additions);
        return report.toString();
    }

    private static GraphQLSchema schema(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    private static List<String> lines(List<DiffEvent> events, Predicate<DiffEvent> kept) {
        return events.stream().filter(kept).map(SchemaChanges::line).toList();
    }

    private static String line(DiffEvent event) {
        StringBuilder line = new StringBuilder();
        line.append(event.getTypeKind() == null ? "Type" : event.getTypeKind()).append(" '").append(event.getTypeName())
                .append('\'');
        if (event.getFieldName() != null) {
            line.append(", field '").append(event.getFieldName()).append('\'');
        }
        line.append(": ").append(event.getReasonMsg().strip());
        if (event.getCategory() != null) {
            line.append(" [").append(event.getCategory()).append(']');
        }
        return line.toString();
    }

    private static void section(StringBuilder report, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        report.append(title).append(" (").append(lines.size()).append("):\n");
        lines.forEach(line -> report.append("  - ").append(line).append('\n'));
    }
}
