package dev.facet.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.facet.testing.ShopServices;
import dev.facet.testing.ShopTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The GraphQL UI works in a real browser: headless Chromium opens {@code /q/graphql-ui}, runs the README's first
 * query and shows its answer. GraphiQL sets its Content-Type twice ({@code application/json, application/json}),
 * which a test that sends requests itself would never notice. Needs Debian's {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them); where they are missing the test is skipped, saying so.
 */
@QuarkusTest
@WithTestResource(ShopServices.class)
class GraphQLUiBrowserTests extends ShopTest {

    /** README.md, "A first query". */
    private static final String FIRST_QUERY =
            "{ product(id: \"p6\") { name price { formatted } stock { available } rating { average count } } }";

    @Test
    void readmesFirstQueryRunsInTheGraphQLUi() {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(),
                "No Chromium here (apt-get install chromium chromium-driver): the GraphQL UI was not tried in a browser");

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                // root in a container has no sandbox to give; /dev/shm there is often tiny
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900");
        WebDriver browser = new ChromeDriver(service, options);
        try {
            // As the README says: the query in the editor, the client in the Headers tab (dev mode fills in web).
            browser.get("http://localhost:" + RestAssured.port + "/q/graphql-ui/?query=" + encoded(FIRST_QUERY)
                    + "&headers=" + encoded("{\"X-Client-Name\": \"web\"}"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
            String answer = wait.withMessage(() -> "the result pane shows: " + resultPane(browser))
                    .until(shown -> resultPane(browser).contains("\"data\"") || resultPane(browser).contains("errors")
                            ? resultPane(browser)
                            : null);
            assertThat(answer).contains("\"name\": \"Product 6\"").contains("€3.22").doesNotContain("errors");
        } finally {
            browser.quit();
        }
    }

    private static String resultPane(WebDriver browser) {
        return browser.findElements(By.cssSelector(".result-window")).stream().findFirst()
                .map(pane -> pane.getDomProperty("textContent")).orElse("");
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
