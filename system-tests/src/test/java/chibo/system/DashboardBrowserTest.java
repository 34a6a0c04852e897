package chibo.system;

import chibo.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (Debian's headless chromium) on the whole local stack: people log in at the real
 * authorization server and read figures reporting-service folded from events posted through membership-service.
 */
class DashboardBrowserTest {

    /** CI sets this: there the browser must be present, and a missing one fails rather than skips. */
    static final String REQUIRE_BROWSER = "CHIBO_REQUIRE_BROWSER";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Beside the dashboard's own build output (the tests run in system-tests' directory). */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."))
            .resolve("../dashboard/target/screenshots").normalize();
    private static final ZoneId DASHBOARD_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static Agency agency;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startStackWithFigures() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv(REQUIRE_BROWSER) != null) {
            assertThat(present).as("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)").isTrue();
        }
        assumeTrue(present, "no " + CHROMIUM + " or " + CHROMEDRIVER + ": the dashboard's browser tests are skipped"
                + " (apt-get install chromium chromium-driver; ./chibo test installs them when run as root)");
        stack = LocalStack.start(Stacks.inMemory(dataDir).withDashboard());
        agency = new Agency(stack);
        EndToEndFlow.registerCentralAndProvince(agency);
        String central = agency.centralWriter();
        assertThat(agency.register(central, "HG", "Tỉnh ủy Hà Giang", "PROVINCE", "TW").status()).isEqualTo(201);
        // a commune of its own for the live test, whose admissions change no figure the other tests read
        assertThat(agency.register(central, "HG-LT", "Đảng bộ xã Lũng Táo", "COMMUNE", "HG").status())
                .isEqualTo(201);
        assertThat(agency.register(central, "HG-LT-C1", "Chi bộ thôn Lũng Táo", "CELL", "HG-LT").status())
                .isEqualTo(201);
        String writer = agency.provinceWriter();
        assertThat(agency.register(writer, "TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", "TQ").status())
                .isEqualTo(201);
        assertThat(agency.register(writer, "TQ-MQ-NT", "Chi bộ thôn Nà Tông", "CELL", "TQ-MQ").status())
                .isEqualTo(201);
        for (String member : new String[] {"TQ-MQ-NT-001", "TQ-MQ-NT-002"}) {
            assertThat(agency.admit(writer, member, "TQ-MQ-NT", "TQ-MQ").status()).isEqualTo(201);
        }
        assertThat(agency.membership.post("/organizations/TQ-MQ/units", writer,
                Map.of("unitId", "TQ-MQ-U1", "name", "Thôn Nà Tông", "kind", "VILLAGE")).status()).isEqualTo(200);
        String reader = agency.provinceDashboard();
        await().atMost(EndToEndFlow.PATIENCE).untilAsserted(() -> assertThat(agency.members(reader, "TQ"))
                .as("the secretary and the two admitted").isEqualTo(3));
        await().atMost(EndToEndFlow.PATIENCE).untilAsserted(() -> assertThat(agency.reporting
                .get("/organizations/TQ/summary", reader).json().path("units").path("village").path("total")
                .asLong(0)).as("the village registered under Minh Quang").isEqualTo(1));
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
            // the stack's data goes with the temporary directory: keep the dashboard's log for whoever reads a failure
            Path log = stack.config().logs().resolve(LocalStack.DASHBOARD + ".log");
            if (Files.exists(log)) {
                Files.createDirectories(SCREENSHOTS);
                Files.copy(log, SCREENSHOTS.resolve(LocalStack.DASHBOARD + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_province_reader_logs_in_reads_the_province_and_its_communes_switches_to_english_and_logs_out() {
        logIn("province-reader");

        until(ExpectedConditions.textToBe(By.id("org-name"), "Tỉnh ủy Tuyên Quang"));
        assertThat(browser.getCurrentUrl()).endsWith("/organisations/TQ");
        assertThat(text("members-total")).isEqualTo("3");
        assertThat(text("figures-as-of")).startsWith("Số liệu tính đến ");
        assertThat(browser.findElement(By.id("children")).getText()).contains("Đảng bộ xã Minh Quang");
        var summaryNow = agency.reporting.get("/organizations/TQ/summary", agency.provinceDashboard()).json();
        var village = browser.findElements(By.cssSelector("#units tr[data-kind='village'] td")).stream()
                .map(cell -> cell.getText()).toList();
        assertThat(village).as("villages, without a cell, without a resident member, as reporting counts them")
                .containsExactly(summaryNow.get("units").get("village").get("total").asString(),
                        summaryNow.get("units").get("village").get("withoutCell").asString(),
                        summaryNow.get("units").get("village").get("withoutMember").asString());
        LocalDate yearBefore = YearMonth.now(DASHBOARD_ZONE).minusYears(1).atEndOfMonth();
        var summaryYearBefore = agency.reporting.get("/organizations/TQ/summary?asOf=" + yearBefore,
                agency.provinceDashboard()).json();
        var admitted = browser.findElements(By.cssSelector("#flows tr[data-flow='admitted'] td")).stream()
                .map(cell -> cell.getText()).toList();
        long admittedNow = summaryNow.path("flows").path("admitted").asLong(0);
        long admittedBefore = summaryYearBefore.path("flows").path("admitted").asLong(0);
        assertThat(admitted).as("admitted this year and in the same months a year before, as reporting counts them")
                .containsExactly(Long.toString(admittedNow), Long.toString(admittedBefore),
                        (admittedNow > admittedBefore ? "+" : "") + (admittedNow - admittedBefore));
        screenshots("province-summary-vi");

        browser.findElement(By.id("compare-children")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-org='TQ-MQ']")));
        assertThat(browser.findElement(By.cssSelector("tr[data-org='TQ-MQ']")).getText())
                .startsWith("Đảng bộ xã Minh Quang 3");
        assertThat(text("total-members")).isEqualTo("3");
        screenshots("province-children-vi");

        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ");
        browser.findElement(By.id("statistics")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("statistics-form")));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('from').value = '2025-01';");
        browser.findElement(By.id("show-statistics")).click();
        until(ExpectedConditions.urlContains("from=2025-01"));
        String to = YearMonth.now(DASHBOARD_ZONE).toString();
        Map<String, String> reported = statisticsTotal(agency.provinceDashboard(), "TQ", "2025-01", to);
        assertThat(statisticsCell("dang_vien_cuoi_ky")).as("members at the period's end, as reporting counts now")
                .isEqualTo(Long.toString(agency.members(agency.provinceDashboard(), "TQ")))
                .isEqualTo(reported.get("dang_vien_cuoi_ky"));
        assertThat(statisticsCell("ket_nap_moi")).as("admitted in the period, as in reporting's report")
                .isEqualTo(reported.get("ket_nap_moi"));
        assertThat(browser.findElement(By.cssSelector("#statistics-table tbody tr[data-org='TQ-MQ']")).getText())
                .startsWith("Đảng bộ xã Minh Quang");
        screenshots("province-statistics");

        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ/children");
        browser.findElement(By.id("switch-language")).click();
        until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations below Tỉnh ủy Tuyên Quang");
        assertThat(browser.findElement(By.id("sort-members")).getText()).isEqualTo("Members");
        screenshot("province-children-en");

        browser.findElement(By.id("log-out")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("logged-out")));
        assertThat(text("logged-out")).isEqualTo("Logged out");
        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ");
        until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("the authorization server asks for the password again")
                .startsWith(stack.url(LocalStack.AUTH) + "/login");
    }

    @Test
    void a_province_reader_finds_a_cell_by_its_name_typed_without_diacritics_and_opens_its_page() {
        logIn("province-reader");
        until(ExpectedConditions.textToBe(By.id("org-name"), "Tỉnh ủy Tuyên Quang"));

        browser.findElement(By.id("search-q")).sendKeys("lung tao", Keys.ENTER);
        until(ExpectedConditions.presenceOfElementLocated(By.id("search-count")));
        assertThat(browser.findElements(By.cssSelector("#search-results li[data-org]")))
                .as("Hà Giang's Lũng Táo is outside the province reader's subtree").isEmpty();

        WebElement box = browser.findElement(By.id("search-q"));
        box.clear();
        box.sendKeys("na tong", Keys.ENTER);
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li[data-org='TQ-MQ-NT']")));
        WebElement found = browser.findElement(By.cssSelector("#search-results li[data-org='TQ-MQ-NT']"));
        assertThat(found.findElement(By.className("result-name")).getText()).isEqualTo("Chi bộ thôn Nà Tông");
        assertThat(found.findElement(By.className("result-level")).getText()).isEqualTo("Chi bộ");
        assertThat(found.findElement(By.className("result-path")).getText())
                .contains("Tỉnh ủy Tuyên Quang").contains("Đảng bộ xã Minh Quang")
                .as("nothing above the reader's province").doesNotContain("Trung ương");
        screenshots("province-search");

        found.findElement(By.className("result-name")).click();
        until(ExpectedConditions.textToBe(By.id("org-name"), "Chi bộ thôn Nà Tông"));
        assertThat(browser.getCurrentUrl()).endsWith("/organisations/TQ-MQ-NT");
    }

    @Test
    void a_commune_reader_starts_at_the_commune_and_is_refused_the_province() {
        logIn("commune-reader");
        until(ExpectedConditions.textToBe(By.id("org-name"), "Đảng bộ xã Minh Quang"));
        assertThat(text("members-total")).isEqualTo("3");

        browser.findElement(By.id("month-by-month")).click();
        until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("series-chart")), "data-drawn"));
        var months = browser.findElements(By.cssSelector("#series-table tbody tr"));
        assertThat(browser.findElement(By.id("series-chart")).getAttribute("data-drawn"))
                .as("the chart draws every month of the table").isEqualTo(Integer.toString(months.size()));
        assertThat(browser.findElements(By.cssSelector("#series-chart canvas"))).isNotEmpty();
        assertThat(months.getLast().findElements(By.tagName("td")).get(1).getText())
                .as("members at the end of this month, as on the summary").isEqualTo("3");
        screenshots("commune-month-by-month");

        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ-MQ");
        browser.findElement(By.id("due-list")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("due-counts")));
        assertThat(browser.findElement(By.cssSelector(
                "#due-counts tr[data-kind='AWAITING_CEREMONY'] td[data-state='OVERDUE']")).getText())
                .as("the two admitted in September 2025 have had no ceremony since").isEqualTo("2");
        assertThat(browser.findElements(By.cssSelector("#due-items tr.overdue[data-kind='AWAITING_CEREMONY']"))
                .stream().map(row -> row.getAttribute("data-member")).toList())
                .containsExactlyInAnyOrder("TQ-MQ-NT-001", "TQ-MQ-NT-002");
        screenshots("commune-due");

        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ-MQ");
        browser.findElement(By.id("meetings")).click();
        until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("heatmap-chart")), "data-drawn"));
        assertThat(browser.findElements(By.cssSelector("#heatmap-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-org")).toList()).containsExactly("TQ-MQ-NT");
        assertThat(browser.findElement(By.id("heatmap-chart")).getAttribute("data-drawn")).as("a square a month")
                .isEqualTo(Integer.toString(browser.findElements(By.cssSelector("#heatmap-table td[data-month]"))
                        .size()));
        assertThat(browser.findElements(By.cssSelector("#heatmap-chart canvas"))).isNotEmpty();
        screenshots("commune-meetings");

        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ");

        until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertThat(text("refused")).isEqualTo("Không có quyền xem");
        assertThat(browser.findElements(By.id("members-total"))).isEmpty();
        screenshot("commune-refused-province");
    }

    @Test
    void figures_change_on_the_open_page_when_a_decision_is_recorded() {
        logIn("central-reader");
        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/HG-LT");
        until(ExpectedConditions.textToBe(By.id("org-name"), "Đảng bộ xã Lũng Táo"));
        assertThat(text("members-total")).isEqualTo("0");
        until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-live", "connected"));
        ((JavascriptExecutor) browser).executeScript("window.chiboSamePage = true;");

        assertThat(agency.admit(agency.centralWriter(), "HG-LT-C1-001", "HG-LT-C1", "HG-LT").status())
                .isEqualTo(201);

        until(ExpectedConditions.textToBe(By.id("members-total"), "2"));
        assertThat(text("members-probationary")).isEqualTo("1");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.chiboSamePage"))
                .as("changed in place, not by a reload").isEqualTo(true);
        assertThat(text("live-status")).startsWith("Cập nhật trực tiếp lúc ");
        screenshot("commune-live-update");
    }

    @Test
    void an_auditor_opens_a_members_history_sees_the_chain_verified_and_the_look_is_in_reportings_access_log() {
        String member = "TQ-MQ-NT-001";
        String purpose = "Kiểm tra hồ sơ kết nạp " + System.nanoTime();
        String auditor = agency.auditor();
        await().atMost(EndToEndFlow.PATIENCE).untilAsserted(() -> assertThat(agency.reporting
                .get("/audit/subjects/" + member + "/verification", auditor).status())
                .as("reporting's archive has read the member's events").isEqualTo(200));
        logIn("auditor");

        browser.findElement(By.id("audit")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("member-id"))).sendKeys(member);
        browser.findElement(By.id("purpose")).sendKeys(purpose);
        browser.findElement(By.id("find-member")).click();

        until(ExpectedConditions.presenceOfElementLocated(By.id("verification-verdict")));
        assertThat(text("history-title")).isEqualTo("Lịch sử đảng viên " + member);
        assertThat(text("verification-verdict")).isEqualTo("Chuỗi băm nguyên vẹn.");
        assertThat(browser.findElement(By.id("verification")).getAttribute("data-intact")).isEqualTo("true");
        var admitted = browser.findElement(By.cssSelector("#timeline li[data-type='member.admitted.v1']"));
        assertThat(admitted.getAttribute("data-seq")).isEqualTo("1");
        assertThat(admitted.getText()).contains("Kết nạp").contains("77-QĐ/ĐU");
        assertThat(admitted.findElement(By.cssSelector("code.hash")).getAttribute("title")).matches("[0-9a-f]{64}");
        screenshots("auditor-member-history");

        String dataProtection = agency.dataProtection();
        await().atMost(EndToEndFlow.PATIENCE).untilAsserted(() -> {
            var logged = agency.reporting.get("/access-log?subject=" + member, dataProtection);
            assertThat(logged.status()).isEqualTo(200);
            assertThat(logged.json().get("items").values().stream()
                    .filter(entry -> purpose.equals(entry.path("purpose").asString("")))
                    .map(entry -> entry.get("path").asString() + " " + entry.get("who").asString() + " "
                            + entry.get("outcome").asString()).toList())
                    .as("the dashboard's reads, with the auditor's token and purpose")
                    .contains("/audit/members/" + member + "/history auditor SERVED",
                            "/audit/subjects/" + member + "/verification auditor SERVED");
        });

        browser.get(stack.url(LocalStack.DASHBOARD) + "/organisations/TQ-MQ");
        browser.findElement(By.id("as-reported")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("as-reported-form")));
        LocalDate today = LocalDate.now(DASHBOARD_ZONE);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reported-on').value = arguments[0];",
                today.toString());
        browser.findElement(By.id("show-as-reported")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("as-reported-table")));
        String endOfToday = today.plusDays(1).atStartOfDay(DASHBOARD_ZONE).toInstant().minusSeconds(1).toString();
        var asReported = agency.reporting.get("/audit/organizations/TQ-MQ/as-reported?on=" + endOfToday
                + "&asOf=" + today, auditor);
        assertThat(asReported.status()).isEqualTo(200);
        var members = browser.findElements(By.cssSelector("#as-reported-table tr[data-figure='members.total'] td"));
        assertThat(members.get(0).getText()).as("members as reported today, as reporting replays them")
                .isEqualTo(asReported.json().get("asReported").get("members").get("total").asString())
                .isNotEqualTo("0");
        assertThat(text("as-reported-verdict")).startsWith("Số liệu không đổi");
        screenshots("auditor-as-reported");
    }

    @Test
    void an_operator_follows_the_versions_of_the_figures_and_reads_the_dead_letters() {
        String operator = agency.operator();
        logIn("operator", "/projections");

        until(ExpectedConditions.presenceOfElementLocated(By.id("versions-table")));
        String live = agency.reporting.get("/projections", operator).json().get("live").asString();
        var liveRow = browser.findElement(By.cssSelector("#versions-table tr[data-version='" + live + "']"));
        assertThat(liveRow.getText()).contains("đang dùng");
        assertThat(liveRow.findElement(By.tagName("progress")).getAttribute("max")).isEqualTo("100");
        assertThat(browser.findElements(By.id("rebuild-form"))).isNotEmpty();
        screenshots("operator-versions");

        browser.findElement(By.id("dead-letters")).click();
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.dead-letters")));
        for (String topic : List.of("party.organization.events", "party.membership.events",
                "party.meeting.events")) {
            var listed = agency.reporting.get("/dead-letters/" + topic, operator);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(browser.findElement(By.cssSelector("section[data-topic='" + topic + "'] .dead-letter-count"))
                    .getAttribute("data-count")).as("dead letters of " + topic + " as reporting lists them")
                    .isEqualTo(Integer.toString(listed.json().size()));
        }
        screenshots("operator-dead-letters");
    }

    private void logIn(String username) {
        logIn(username, "/organisations/");
    }

    private void logIn(String username, String landing) {
        browser.get(stack.url(LocalStack.DASHBOARD) + "/");
        until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(stack.url(LocalStack.AUTH) + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("log-in")).click();
        until(ExpectedConditions.urlContains(stack.url(LocalStack.DASHBOARD) + landing));
    }

    /** The total row of reporting's statistics report for the months from..to, by column. */
    private static Map<String, String> statisticsTotal(String token, String orgId, String from, String to) {
        var report = agency.reporting.get("/organizations/" + orgId + "/statistics.csv?from=" + from + "&to=" + to,
                token);
        assertThat(report.status()).isEqualTo(200);
        List<String> lines = report.body().replace("\uFEFF", "").lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        List<String> total = List.of(lines.getLast().split(","));
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 2; i < header.size(); i++) {
            byColumn.put(header.get(i), total.get(total.size() - header.size() + i));
        }
        return byColumn;
    }

    private String statisticsCell(String column) {
        return browser.findElement(By.cssSelector("#statistics-total td[data-column='" + column + "']")).getText();
    }

    /** Waits for the condition; when it does not come, the failure shows the page the browser was on. */
    private <T> T until(ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nat " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /**
     * Screenshots of the page at a desktop's width and at a phone's (cell secretaries read on phones); at the phone's
     * width the page must not scroll sideways — only a wide table inside its own box may.
     */
    private void screenshots(String name) {
        screenshot(name + "-desktop");
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(((Number) ((JavascriptExecutor)
                    browser).executeScript("return window.innerWidth")).intValue()).isLessThan(500));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as(name + " at a phone's width scrolls sideways by")
                    .isLessThanOrEqualTo(0);
            screenshot(name + "-phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
