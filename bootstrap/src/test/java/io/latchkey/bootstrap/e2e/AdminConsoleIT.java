package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import io.latchkey.testsupport.Chromium;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The administrators' console driven in a real browser: Debian's headless Chromium through its chromedriver (no
 * browser download). One browser for the class; each test starts from a signed-in administrator.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, Debian's packages are installed first when
 * the build runs as root with apt-get ({@link Chromium}); otherwise the class FAILS. On a machine without them,
 * {@code -Dlatchkey.browser-tests.skip=true} skips it instead.
 * {@code -Dlatchkey.console.screenshots=docs/console} also saves the main pages as PNG there.
 */
class AdminConsoleIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("latchkey.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("latchkey.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !Boolean.getBoolean("latchkey.browser-tests.skip")) {
            present = new Chromium(CHROMIUM, CHROMEDRIVER).installedIfMissing().present();
        }
        if (!present && Boolean.getBoolean("latchkey.browser-tests.skip")) {
            Assumptions.abort("no Chromium here and latchkey.browser-tests.skip=true");
        }
        assertThat(present).as("%s and %s are needed for the browser tests (apt-get install chromium chromium-driver); "
                + "-Dlatchkey.browser-tests.skip=true skips them on a machine without", CHROMIUM, CHROMEDRIVER).isTrue();
        // Both paths given, so Selenium Manager never runs and nothing is downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedInAsAdministrator() throws Exception {
        awaitAdministrator();
        browser.get(url("/admin"));
        if (browser.getCurrentUrl().endsWith("/admin/login")) {
            signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            awaitTitle("Overview");
        }
    }

    @Test
    void givenAnAdministrator_signInSearchAndOpenAUser_showsItsProfileAndSessionsWithDeviceAndAddress() throws Exception {
        String email = uniqueEmail();
        register(email);
        loginWithAgent(email, "Console-Test-Agent/1.0");
        String fragment = email.substring(5, 18);

        browser.get(url("/admin"));
        assertThat(Long.parseLong(text(By.id("accounts")))).isPositive();
        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(6);
        screenshot("overview");

        browser.get(url("/admin/users"));
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys(fragment);
        // htmx swaps the results in as the text is typed, without a page load.
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("a.user-link")).size() == 1
                && d.findElement(By.cssSelector("a.user-link")).getText().equals(email));
        assertThat(browser.getCurrentUrl()).contains("q=");
        assertThat(text(By.id("total"))).isEqualTo("1 account(s)");
        screenshot("users");

        browser.findElement(By.cssSelector("a.user-link")).click();
        awaitTitle(email);
        assertThat(text(By.id("user-email"))).isEqualTo(email);
        assertThat(text(By.id("status"))).isEqualTo("ACTIVE");
        assertThat(text(By.cssSelector("#sessions tbody tr td.device"))).isEqualTo("Console-Test-Agent/1.0");
        assertThat(text(By.cssSelector("#sessions tbody tr td:nth-child(2)"))).isEqualTo("127.0.0.1");
        screenshot("user");
    }

    @Test
    void givenALiveSession_revokeInTheConsole_itsAccessTokenGets401FromTheApi() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = (String) loginWithAgent(email, "Phone/2").get("access_token");
        me(token).expectStatus().isOk();

        openUser(email);
        browser.findElement(By.cssSelector("tr[data-session-id='" + sessionIdOf(token) + "'] button.revoke")).click();
        awaitText(By.id("notice"), "The session ended.");
        assertThat(browser.findElement(By.id("no-sessions")).isDisplayed()).isTrue();
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT a.detail::text, a.actor_id = u.id FROM audit_events a, users u WHERE a.session_id = ?::uuid "
                        + "AND a.type = 'session.revoked' AND u.email = ?")) {
            q.setString(1, sessionIdOf(token));
            q.setString(2, ADMIN_EMAIL);
            var rows = q.executeQuery();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).as("an administrator's revocation, not a logout").contains("admin")
                    .doesNotContain("logout");
            assertThat(rows.getBoolean(2)).as("the signed-in administrator is the actor").isTrue();
        }

        me(token).expectStatus().isUnauthorized();
    }

    @Test
    void givenAnActiveUser_disableThenEnable_loginIsRefusedThenAcceptedAgain() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);

        openUser(email);
        browser.findElement(By.id("disable")).click();
        awaitText(By.id("status"), "DISABLED");
        me(token).expectStatus().isUnauthorized();
        loginStatus(email).isForbidden();

        browser.findElement(By.id("enable")).click();
        awaitText(By.id("status"), "ACTIVE");
        loginStatus(email).isOk();
    }

    @Test
    void givenAUser_deleteNeedsTheTypedEmail_aWrongOneChangesNothingTheRightOneDeletes() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        String id = openUser(email);

        browser.findElement(By.id("confirm-email")).sendKeys("someone-else@example.com");
        browser.findElement(By.id("delete")).click();
        awaitText(By.id("error"), "The confirmation does not match the account's email; nothing was deleted.");
        me(token).expectStatus().isOk();

        browser.findElement(By.id("confirm-email")).sendKeys(email);
        browser.findElement(By.id("delete")).click();
        awaitText(By.id("notice"), "The account was deleted.");
        me(token).expectStatus().isUnauthorized();
        browser.get(url("/admin/users/" + id));
        assertThat(text(By.id("error"))).isEqualTo("There is no such account (any more).");
    }

    @Test
    void givenAConsoleAction_theAuditLog_listsItWithTheUsersEventsAndFiltersByTypeAndTime() throws Exception {
        String email = uniqueEmail();
        register(email);
        loginWithAgent(email, "Audit-Agent/1");
        String id = openUser(email);
        browser.findElement(By.id("disable")).click();
        awaitText(By.id("status"), "DISABLED");
        assertThat(types(By.cssSelector("#recent-events td.type"))).contains("user.updated", "session.started");
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT a.actor_id = u.id FROM audit_events a, users u WHERE a.user_id = ?::uuid "
                        + "AND a.type = 'user.updated' AND u.email = ?")) {
            q.setString(1, id);
            q.setString(2, ADMIN_EMAIL);
            var rows = q.executeQuery();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).as("the console's disable names the signed-in administrator as actor").isTrue();
        }

        browser.findElement(By.id("all-events")).click();
        awaitTitle("Audit log");
        assertThat(browser.findElement(By.id("filter-user")).getAttribute("value")).isEqualTo(id);
        assertThat(types(By.cssSelector("#audit td.type"))).contains("user.registered", "session.started",
                "session.revoked", "user.updated");
        screenshot("audit");

        browser.findElement(By.id("filter-type")).sendKeys("user.updated");
        browser.findElement(By.id("filter")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("type=user.updated"));
        assertThat(types(By.cssSelector("#audit td.type"))).containsOnly("user.updated");

        browser.get(url("/admin/audit?user=" + id + "&from=" + Instant.now().plusSeconds(3600)));
        assertThat(browser.findElement(By.id("no-events")).isDisplayed()).isTrue();
        browser.get(url("/admin/audit?from=yesterday"));
        assertThat(text(By.id("error"))).contains("from");
    }

    @Test
    void givenAnAccountWithoutAdmin_signIn_isRefusedAndItsSessionEnded() throws Exception {
        String email = uniqueEmail();
        register(email);
        signOut();

        signIn(email, PASSWORD);
        awaitText(By.id("error"), "This account is not an administrator.");
        browser.get(url("/admin/users"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.status = 'ACTIVE'")) {
            q.setString(1, email);
            var rows = q.executeQuery();
            rows.next();
            assertThat(rows.getLong(1)).as("the refused sign-in's session was ended").isZero();
        }
    }

    @Test
    void givenTheAdministratorsConsoleSessionRevokedThroughTheApi_theNextPageSendsToSignIn() throws Exception {
        String adminToken = accessTokenFor(ADMIN_EMAIL, ADMIN_PASSWORD);
        List<Map<String, Object>> sessions = http.get().uri("/api/v1/me/sessions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken).exchange().expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        List<String> browserSessions = sessions.stream()
                .filter(s -> String.valueOf(s.get("user_agent")).contains("HeadlessChrome"))
                .map(s -> (String) s.get("id")).toList();
        assertThat(browserSessions).isNotEmpty();
        browserSessions.forEach(sid -> http.delete().uri("/api/v1/me/sessions/" + sid)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken).exchange().expectStatus().isNoContent());

        browser.get(url("/admin/users"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
    }

    @Test
    void givenAForgedPost_withoutOrWithAWrongCsrfToken_is403AndChangesNothing() throws Exception {
        String email = uniqueEmail();
        register(email);
        String id = openUser(email);
        Cookie session = browser.manage().getCookieNamed("lk_console");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        // The administrator's own cookie, as a cross-site page could never send it (SameSite=Strict), and still
        // no valid token: refused before any handler.
        HttpClient client = HttpClient.newHttpClient();
        for (String body : new String[] {"", "_csrf=" + URLEncoder.encode("forged-token", StandardCharsets.UTF_8)}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url("/admin/users/" + id + "/disable")))
                    .header("Cookie", "lk_console=" + session.getValue())
                    .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("POST with body '%s'", body).isEqualTo(403);
        }

        // A form on another site that posts here: the browser sends no console cookie, so there is no session.
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode("<form method='post' action='"
                + url("/admin/users/" + id + "/disable") + "'><input type='hidden' name='_csrf' value='x'>"
                + "<button id='go'>win a prize</button></form>", StandardCharsets.UTF_8).replace("+", "%20"));
        browser.findElement(By.id("go")).click();
        awaitText(By.tagName("h1"), "Forbidden");

        browser.get(url("/admin/users/" + id));
        assertThat(text(By.id("status"))).isEqualTo("ACTIVE");
        loginStatus(email).isOk();
    }

    @Test
    void givenMarkupInAUsersName_theUserPage_showsItAsText() throws Exception {
        String email = uniqueEmail();
        String first = "<b id=\"injected\">Mallory</b><script>document.title='owned'</script>";
        String last = "<img src=x id=\"injected-img\">";
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "first_name", first, "last_name", last))
                .exchange().expectStatus().isAccepted();

        openUser(email);
        assertThat(text(By.id("first-name"))).isEqualTo(first);
        assertThat(text(By.id("last-name"))).isEqualTo(last);
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
        assertThat(browser.findElements(By.id("injected-img"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo(email + " · Latchkey console");
    }

    @Test
    void givenAnAdministratorWithASecondFactor_signIn_asksForTheCodeThenOpensTheConsole() throws Exception {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        @SuppressWarnings("unchecked")
        Map<String, Object> enrolment = http.post().uri("/api/v1/me/mfa/totp")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + access).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String secret = (String) enrolment.get("secret");
        http.post().uri("/api/v1/me/mfa/totp/confirm").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", Rfc6238.code(secret, Instant.now(), -1)))
                .exchange().expectStatus().isOk();
        try (Connection c = jdbc(); PreparedStatement u = c.prepareStatement(
                "UPDATE users SET roles = array_append(roles, 'ADMIN') WHERE email = ?")) {
            u.setString(1, email);
            assertThat(u.executeUpdate()).isOne();
        }
        signOut();
        screenshot("sign-in");

        signIn(email, PASSWORD);
        awaitTitle("Second factor");
        browser.findElement(By.id("code")).sendKeys("000000".equals(Rfc6238.code(secret, Instant.now())) ? "111111" : "000000");
        browser.findElement(By.id("verify")).click();
        awaitText(By.id("error"), "That code is not right. Try again, or use a recovery code.");
        browser.findElement(By.id("code")).sendKeys(Rfc6238.code(secret, Instant.now()));
        browser.findElement(By.id("verify")).click();
        awaitTitle("Overview");
        signOut();
    }

    @Test
    void theConsolePages_carryAStrictContentSecurityPolicyAndRefuseFraming() {
        http.get().uri("/admin/login").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("lk_console=").contains("Path=/admin", "SameSite=Strict").containsIgnoringCase("HttpOnly")
                        .doesNotContain("Max-Age"));
        // Without a session every page sends to the sign-in page.
        http.get().uri("/admin/users").exchange().expectStatus().isSeeOther()
                .expectHeader().location("/admin/login");
        // htmx is served from its WebJar, from this origin.
        http.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange().expectStatus().isOk();
    }

    private void signIn(String email, String password) {
        browser.get(url("/admin/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private void signOut() {
        browser.get(url("/admin"));
        if (!browser.getCurrentUrl().endsWith("/admin/login")) {
            browser.findElement(By.id("sign-out")).click();
            awaitTitle("Sign in");
        }
    }

    /** Searches the user by email, opens its page and answers its id. */
    private String openUser(String email) {
        browser.get(url("/admin/users?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8)));
        browser.findElement(By.cssSelector("a.user-link")).click();
        awaitTitle(email);
        return text(By.id("user-id"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loginWithAgent(String email, String agent) {
        return http.post().uri("/api/v1/auth/login").header(HttpHeaders.USER_AGENT, agent)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.StatusAssertions loginStatus(String email) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus();
    }

    @SuppressWarnings("unchecked")
    private String accessTokenFor(String email, String password) {
        return (String) http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token");
    }

    /** The administrator is created once the application is ready; wait for it rather than race it. */
    private void awaitAdministrator() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!administratorExists()) {
            assertThat(System.nanoTime()).as("the configured administrator exists").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean administratorExists() {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement("SELECT 1 FROM users WHERE email = ?")) {
            q.setString(1, ADMIN_EMAIL);
            return q.executeQuery().next();
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> types(By cells) {
        return browser.findElements(cells).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private static void awaitText(By locator, String expected) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(locator, expected));
    }

    private static void awaitTitle(String page) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.titleIs(page + " · Latchkey console"));
    }

    private static void screenshot(String name) throws Exception {
        String directory = System.getProperty("latchkey.console.screenshots");
        if (directory != null && !directory.isBlank()) {
            Path target = Path.of(directory).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
