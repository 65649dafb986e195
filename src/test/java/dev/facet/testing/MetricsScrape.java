package dev.facet.testing;

import java.util.Arrays;
import java.util.List;

/** Reading {@code /q/metrics} on the management port the way Prometheus does: series by name and labels, values summed. */
public final class MetricsScrape {

    private MetricsScrape() {
    }

    /** What Prometheus would read now. */
    public static String scrape() {
        return ManagementPort.given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the series of {@code metric} that have all {@code labels}; 0 when there is none. */
    public static double value(String metrics, String metric, String... labels) {
        return lines(metrics, metric, labels).stream()
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The series of {@code metric} that have all {@code labels}, as lines of the scrape. */
    public static List<String> lines(String metrics, String metric, String... labels) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
    }
}
