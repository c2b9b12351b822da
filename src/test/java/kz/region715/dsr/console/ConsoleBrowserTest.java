package kz.region715.dsr.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Browser;
import kz.region715.dsr.support.Cases;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in Chromium, signed in through a real authorization code flow with PKCE against Keycloak (started by
 * {@link KeycloakServer}): an officer's day, an auditor's, a role that may not act, and axe-core on every page in
 * every language.
 */
@QuarkusTest
@WithTestResource(KeycloakServer.class)
class ConsoleBrowserTest {

    private static final String AXE = axeScript();

    @Inject
    Subjects subjects;
    @Inject
    Cases cases;

    private String fileCase(String type) {
        String email = Subjects.newEmail();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "email", email,
                "name", "Aigerim Serikova", "locale", "en"));
        if (type.equals("DELETION")) {
            body.put("deletion", Map.of("scope", "ALL"));
        }
        return subjects.fileAndVerify(body, email).id();
    }

    private static String reference(String id) {
        return Cases.read(id).then().extract().path("reference");
    }

    private static void signIn(Browser browser, String user, String password) {
        browser.go("/console?lang=en");
        browser.visible("#username").sendKeys(user);
        browser.find("#password").sendKeys(password);
        browser.find("#kc-login").click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(Browser.BASE + "/console/"));
        // The code and state never stay in the address, and neither does any token.
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("code=").doesNotContain("token")
                .doesNotContain("state=");
        browser.consoleErrors(); // what the provider's pages logged is not the console's
    }

    private static void action(Browser browser, String action) {
        browser.find("form[action$='/" + action + "']").findElement(By.xpath("..")).findElement(By.tagName("summary"))
                .click();
    }

    private static void submit(Browser browser, String action) {
        String before = browser.driver().getCurrentUrl();
        browser.find("form[action$='/" + action + "'] button[type=submit]").click();
        browser.waitUntil(d -> !browser.all(".banner").isEmpty() || !d.getCurrentUrl().equals(before));
        browser.waitUntil(d -> "complete".equals(browser.js("return document.readyState")));
    }

    /** The banner that says the action was done (or, failing, what the page said instead). */
    private static String done(Browser browser) {
        List<org.openqa.selenium.WebElement> done = browser.all(".banner.done");
        assertThat(done).as("a done banner on %s: %s", browser.driver().getCurrentUrl(),
                browser.driver().getPageSource()).isNotEmpty();
        return done.getFirst().getText();
    }

    @Test
    void anOfficersDay() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        String urgent = cases.verifiedCases(RequestType.ACCESS, List.of(longAgo)).getFirst().toString();
        String toApprove = fileCase("DELETION");
        String contested = fileCase("ACCESS");
        String urgentReference = reference(urgent);
        try (Browser browser = Browser.open()) {
            signIn(browser, "officer", "officer-pass");
            // The queue: the most urgent case first, its state in words as well as colour.
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/cases");
            browser.go("/console/cases?lang=en");
            assertThat(browser.find("table.queue tbody tr th a").getText()).isEqualTo(urgentReference);
            assertThat(browser.find("table.queue tbody tr .days").getText()).endsWith("Overdue");
            assertThat(browser.find("table.queue tbody tr .days").getAttribute("class")).contains("overdue");
            browser.screenshot("console-queue-en");

            // Filters update the list in place (htmx) and keep the address in step.
            new Select(browser.find("#f-type")).selectByValue("DELETION");
            browser.waitUntil(d -> d.getCurrentUrl().contains("type=DELETION"));
            browser.waitUntil(d -> browser.all("table.queue tbody tr th a").stream()
                    .noneMatch(a -> a.getText().equals(urgentReference)));

            // Ask the subject of the most urgent case.
            browser.go("/console/cases/" + urgent);
            action(browser, "ask");
            browser.find("#a-question").sendKeys("Which e-mail address did you use on our website?");
            submit(browser, "ask");
            assertThat(done(browser)).isEqualTo("Question sent.");
            assertThat(browser.find(".messages").getText()).contains("Which e-mail address did you use");
            Cases.read(urgent).then().body("status", org.hamcrest.Matchers.equalTo("AWAITING_SUBJECT"));
            browser.screenshot("console-case-en");

            // Approve another, with the ETag its page was rendered with.
            browser.go("/console/cases/" + toApprove);
            action(browser, "approve");
            submit(browser, "approve");
            assertThat(done(browser)).isEqualTo("Approved.");
            Cases.read(toApprove).then().body("status", org.hamcrest.Matchers.equalTo("APPROVED"))
                    .body("decision.by", org.hamcrest.Matchers.equalTo("officer"));

            // A concurrent change: another officer assigns the case while this page is open.
            browser.go("/console/cases/" + contested);
            Cases.act(contested, "assignment", Map.of("assignee", "officer2")).then().statusCode(200);
            action(browser, "reject");
            new Select(browser.find("#a-basis")).selectByValue("NO_DATA_HELD");
            browser.find("#a-reject").sendKeys("We hold no data linked to this address.");
            submit(browser, "reject");
            assertThat(browser.visible(".banner.conflict").getText())
                    .contains("Someone changed this case while you were reading it").contains("officer2");
            Cases.read(contested).then().body("status", org.hamcrest.Matchers.equalTo("IN_REVIEW"));
            browser.screenshot("console-conflict-en");

            // Reload, then reject with the legal basis.
            browser.find(".banner.conflict a").click();
            action(browser, "reject");
            new Select(browser.find("#a-basis")).selectByValue("NO_DATA_HELD");
            browser.find("#a-reject").sendKeys("We hold no data linked to this address.");
            submit(browser, "reject");
            assertThat(done(browser)).isEqualTo("Rejected.");
            Cases.read(contested).then().body("status", org.hamcrest.Matchers.equalTo("REJECTED"))
                    .body("decision.legalBasis", org.hamcrest.Matchers.equalTo("NO_DATA_HELD"));

            // The same audit events as the API's, with the signed-in officer as the actor.
            List<String> trail = AuditLog.lines("request=" + reference(contested));
            assertThat(AuditLog.types(trail)).contains("REJECTED");
            assertThat(trail).anyMatch(line -> line.contains("\"type\":\"REJECTED\"")
                    && line.contains("\"actor\":\"officer\""));

            for (String language : List.of("ru", "kk", "en")) {
                for (String page : List.of("/console/cases", "/console/cases/" + urgent)) {
                    assertThat(axe(browser, page + "?lang=" + language)).as(page + " in " + language).isEmpty();
                }
            }
            browser.go("/console/cases/" + toApprove + "?lang=kk");
            browser.screenshot("console-case-kk");
            browser.go("/console/cases?lang=ru");
            browser.screenshot("console-queue-ru");
            browser.assertNoConsoleErrors("412");
        }
    }

    @Test
    void signingOutEndsTheSessionAtTheProvider() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "officer2", "officer2-pass");
            browser.go("/console/cases?lang=en");
            browser.find(".signout a").click();
            try {
                browser.waitUntil(d -> d.getCurrentUrl().contains("/console/signed-out"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("sign-out ended on " + browser.driver().getCurrentUrl() + ": "
                        + browser.driver().getPageSource(), e);
            }
            assertThat(browser.find("h1").getText()).isEqualTo("You are signed out");
            // The provider's session is over too: the console asks for a password again.
            browser.go("/console/cases");
            assertThat(browser.visible("#username").isDisplayed()).isTrue();
        }
    }

    @Test
    void anAuditorsDay() throws IOException {
        String closed = fileCase("DELETION");
        Cases.act(closed, "rejection", Map.of("legalBasis", "NO_DATA_HELD", "reason", "Nothing held."))
                .then().statusCode(200);
        AuditLog.sequence();
        try (Browser browser = Browser.open()) {
            signIn(browser, "auditor", "auditor-pass");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/audit");
            browser.go("/console/audit?lang=en");
            // No officer's section, and the officer's pages refuse.
            assertThat(browser.all("nav a[href='/console/cases']")).isEmpty();

            // Verify the chain (the answer replaces the result region in place).
            browser.find("#h-verify ~ form button").click();
            assertThat(browser.visible("#verification .banner").getText()).startsWith("The chain is intact:");

            // The SLA chart: this month's bar of deletions.
            String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Almaty")).toString();
            assertThat(browser.all("#chart-per-month rect.bar-DELETION title").stream()
                    .map(t -> t.getAttribute("textContent")))
                    .anyMatch(title -> title.startsWith(month + " · Deletion: "));
            assertThat(browser.all("#chart-on-time rect.bar-ontime")).isNotEmpty();
            browser.screenshot("console-audit-en");

            // Export the events as CSV.
            browser.find("#x-csv").click();
            browser.find("#h-export ~ form button[type=submit]").click();
            Path csv = browser.downloads().resolve("audit-events.csv");
            browser.waitUntil(d -> Files.exists(csv));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.getFirst()).startsWith("seq,at,actor,type");
            assertThat(lines).anyMatch(line -> line.contains(reference(closed)));

            // A role that may not act: the officer's pages and actions answer 403.
            browser.go("/console/cases/" + closed + "?lang=en");
            assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
            assertThat(browser.all("form[action*='/approve']")).isEmpty();
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/console/cases/' + arguments[0] + '/approve', {method: 'POST',
                      headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'etag=x&csrf=x'})
                      .then(r => done(r.status));""", closed);
            assertThat(((Number) status).intValue()).isEqualTo(403);
            browser.screenshot("console-forbidden-en");

            for (String language : List.of("ru", "kk", "en")) {
                assertThat(axe(browser, "/console/audit?lang=" + language)).as("audit in " + language).isEmpty();
            }
            browser.go("/console/audit?lang=kk");
            browser.screenshot("console-audit-kk");
        }
        try (Browser browser = Browser.open()) {
            signIn(browser, "admin", "admin-pass");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/outbox");
            for (String language : List.of("ru", "kk", "en")) {
                assertThat(axe(browser, "/console/outbox?lang=" + language + "&status=SENT"))
                        .as("outbox in " + language).isEmpty();
            }
            browser.go("/console/outbox?lang=ru&status=PENDING");
            browser.screenshot("console-outbox-ru");
        }
    }

    /** axe-core's serious and critical violations on the page: rule id and where. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Browser browser, String page) {
        browser.go(page);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.js(AXE);
        List<String> found = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))));""");
        return new ArrayList<>(found);
    }

    private static String axeScript() {
        try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
