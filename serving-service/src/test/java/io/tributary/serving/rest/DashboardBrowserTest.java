package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.curated.AggregateLayout;
import io.tributary.catalog.security.Roles;
import io.tributary.serving.live.AggregateChanges;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * The dashboard in a real browser (Debian's chromium, headless): its region totals are the API's digit for digit,
 * a change the transform commits reaches the open page through the stream, the time zone changes the days counted,
 * and a region drills down to its states. Skipped, saying so, where chromium or chromedriver is not installed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String RANGE = "from=2017-03-02&to=2017-03-02";

    @Inject
    DataSource dataSource;

    @Inject
    AggregateChanges changes;

    @TestHTTPResource("/")
    URL page;

    private ChromeDriver browser;
    private Path profile;

    @BeforeAll
    static void needsChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.err.println("DashboardBrowserTest SKIPPED: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                    + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "the dashboard's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    @BeforeEach
    void openBrowser() throws Exception {
        TestTokens.signInAs(Roles.ANALYST);
        AggregateTables tables = new AggregateTables(dataSource);
        tables.execute("delete from catalog.freshness_watermark", "delete from catalog.pipeline_version",
                "delete from catalog.ingestion_batch", "delete from catalog.source");
        tables.create("sales", AggregateLayout.Bucket.TIMESTAMP, List.of("region", "state", "category", "product_id"),
                List.of("sales", "quantity"));
        tables.execute(
                "insert into catalog.source (name, dataset, format, time_zone) values ('shop', 'sales', 'CSV', 'UTC')",
                "insert into catalog.ingestion_batch (id, source, dataset, status, file_name, landing_path, "
                        + "content_sha256, size_bytes, received, accepted, quarantined, duplicates) values "
                        + "('22222222-0000-0000-0000-000000000001', 'shop', 'sales', 'COMPLETED', 'orders.csv', "
                        + "'landing/orders.csv', '" + "0".repeat(64) + "', 1, 12, 9, 2, 1)");
        // 23:30 UTC on 1 March is 2 March in Kolkata; 10:00 UTC on 2 March is 2 March everywhere near.
        tables.cell("sales", Instant.parse("2017-03-01T23:30:00Z"), List.of("West", "California", "Furniture", "P1"),
                List.of("100.0000", "2"), 1, null);
        tables.cell("sales", Instant.parse("2017-03-02T10:00:00Z"), List.of("East", "New York", "Technology", "P2"),
                List.of("250.5000", "1"), 1, null);
        tables.cell("sales", Instant.parse("2017-03-02T11:00:00Z"), List.of("East", "Vermont", "Technology", "P3"),
                List.of("0.2500", "1"), 1, null);
        tables.freshness("sales_agg", Instant.parse("2017-03-02T11:00:00Z"));
        tables.execute(DashboardResourceTest.Requirements.clear());
        tables.execute(DashboardResourceTest.Requirements.version(7, 1, "PIPELINE", "sales",
                "{\"kind\": \"freshness\", \"maximum\": 60, \"unit\": \"s\"}", "CONFIRMED", "sales within a minute"),
                DashboardResourceTest.Requirements.status(7, 1, "VIOLATED", 99.0, 0.5, -0.5));
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);

        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        TestTokens.signOut();
        if (browser != null) {
            Path shot = Path.of("target", "dashboard.png");
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void showsTheApisTotalsFollowsCommitsSwitchesTimeZoneAndDrillsDown() throws Exception {
        browser.get(page.toString());
        waitFor(() -> browser.findElement(By.id("sign-in")).isDisplayed()); // without a token the page asks for one
        browser.findElement(By.id("token")).sendKeys(TestTokens.token(Roles.ANALYST));
        browser.findElement(By.cssSelector("#sign-in button")).click();
        browser.get(page + "?" + RANGE);

        Map<String, String> utc = waitForTotals(Map.of("East", "250.7500"));
        assertEquals(apiTotals("region", "UTC", null), utc, "the page's region totals are the API's");
        assertEquals("2017-03-02T11:00:00Z", browser.findElement(By.id("current-as-of")).getText());
        assertTrue(browser.findElements(By.cssSelector("#chart .uplot")).size() == 1, "a chart is drawn");
        waitFor(() -> browser.findElement(By.id("freshness")).getAttribute("class").contains("violated"));
        assertTrue(browser.findElement(By.id("freshness")).getAttribute("title")
                .endsWith("Read back: sales within a minute"), "the requirement's read-back on hover");
        assertTrue(browser.findElement(By.id("totals")).getAttribute("data-stream").contains("maxStaleness=PT60S"),
                "the page asks with the freshness requirement's bound");
        assertTrue(browser.findElement(By.id("chart")).getAttribute("data-stream").contains("maxStaleness=PT60S"));
        waitFor(() -> browser.findElement(By.id("totals")).getAttribute("class").contains("stale"));
        assertTrue(browser.findElement(By.id("stale")).getText().endsWith("more than the 60 s allowed (requirement #7)."),
                "numbers older than the requirement are marked as not current: "
                        + browser.findElement(By.id("stale")).getText());
        assertEquals(List.of("#7 sales within a minute", "pipeline sales", "freshness: at most 60 s",
                "CONFIRMED", "VIOLATED", "99", "50.0 %", "-50.0 %"), texts("#objectives tbody tr[data-requirement] td"));
        waitFor(() -> !browser.findElements(By.cssSelector("#batches tbody tr[data-batch]")).isEmpty());
        assertEquals("shop orders.csv COMPLETED", String.join(" ", texts("#batches tbody tr[data-batch] td").subList(0, 3)));
        assertEquals(List.of("12", "9", "2", "1"), texts("#batches tbody tr[data-batch] td").subList(4, 8),
                "received = accepted + quarantined + duplicates, as ingestion counted them");

        commitCell("South", "Florida", "10.1000", Instant.parse("2017-03-02T12:00:00Z"));
        Map<String, String> changed = waitForTotals(Map.of("East", "250.7500", "South", "10.1000"));
        assertEquals(apiTotals("region", "UTC", null), changed);
        waitFor(() -> browser.findElement(By.id("current-as-of")).getText().equals("2017-03-02T12:00:00Z"));

        WebElement zone = browser.findElement(By.id("tz"));
        zone.clear();
        zone.sendKeys("Asia/Kolkata", Keys.TAB);
        Map<String, String> kolkata = waitForTotals(
                Map.of("East", "250.7500", "South", "10.1000", "West", "100.0000"));
        assertEquals(apiTotals("region", "Asia/Kolkata", null), kolkata, "2 March in Kolkata holds West's sale");

        browser.findElement(By.cssSelector("#totals tbody tr[data-key='East'] td.key")).click();
        Map<String, String> states = waitForTotals(Map.of("New York", "250.5000", "Vermont", "0.2500"));
        assertEquals(apiTotals("region,state", "Asia/Kolkata", "East"), states);
        assertEquals("state", browser.findElement(By.id("level")).getText());

        commitCell("East", "Maine", "1.0000", Instant.now());
        waitFor(() -> !browser.findElement(By.id("totals")).getAttribute("class").contains("stale"));
        assertFalse(browser.findElement(By.id("stale")).isDisplayed(), "current numbers are shown as current");
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The table's first column and sales, once they are {@code expected}. */
    private Map<String, String> waitForTotals(Map<String, String> expected) {
        waitFor(() -> expected.equals(pageTotals()));
        return pageTotals();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> pageTotals() {
        List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#totals tbody tr')]"
                        + ".map(tr => [tr.dataset.key, tr.querySelector('[data-measure=sales]').textContent])");
        Map<String, String> totals = new LinkedHashMap<>();
        rows.forEach(row -> totals.put(row.get(0), row.get(1)));
        return totals;
    }

    /** The API's sales by the last dimension of {@code groupBy}, as the decimal text it sends. */
    private Map<String, String> apiTotals(String groupBy, String tz, String region) throws Exception {
        String body = given().queryParam("groupBy", groupBy).queryParam("tz", tz)
                .queryParam("from", "2017-03-02").queryParam("to", "2017-03-02")
                .when().get("/api/metrics/sales").then().statusCode(200).extract().asString();
        String last = groupBy.substring(groupBy.lastIndexOf(',') + 1);
        Map<String, String> totals = new LinkedHashMap<>();
        for (JsonNode row : JSON.readTree(body).get("rows")) {
            if (region == null || region.equals(row.get("dimensions").get("region").asText())) {
                BigDecimal sales = row.get("measures").get("sales").decimalValue();
                totals.put(row.get("dimensions").get(last).asText(), sales.toPlainString());
            }
        }
        return totals;
    }

    /** One transaction as the transform commits it: the aggregate's cell and the watermark together. */
    private void commitCell(String region, String state, String sales, Instant currentAsOf) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement cell = connection.prepareStatement("insert into curated.sales_agg values "
                    + "(?, ?, ?, 'Furniture', 'P4', ?, 1, 1, now(), null)");
                    PreparedStatement watermark = connection.prepareStatement("update catalog.freshness_watermark "
                            + "set current_as_of = ?, updated_at = now() where table_name = 'sales_agg'")) {
                cell.setObject(1, OffsetDateTime.of(2017, 3, 2, 12, 0, 0, 0, ZoneOffset.UTC));
                cell.setString(2, region);
                cell.setString(3, state);
                cell.setBigDecimal(4, new BigDecimal(sales));
                cell.executeUpdate();
                watermark.setTimestamp(1, Timestamp.from(currentAsOf));
                watermark.executeUpdate();
            }
            connection.commit();
        }
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> condition.getAsBoolean());
    }
}
