package kz.region715.dsr.web;

import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.region715.dsr.execution.ExecutionWorker;
import kz.region715.dsr.support.Browser;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A person files, verifies and follows requests through the pages alone, in
 * headless Chromium: every request type in every language, the code instead of
 * the link, an expired link, a question answered, field errors, the language
 * switch, the keyboard, a phone-sized screen and the access package.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectPagesBrowserTest {

    private static final Pattern LINK = Pattern.compile(
            "(http://localhost:8081/(verify|status)\\?lang=(ru|kk|en)#request=([0-9a-f-]{36})&token=[A-Za-z0-9_-]+)");

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;
    @Inject
    ExecutionWorker worker;

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void forgetEarlierConsoleMessages() {
        browser.consoleErrors();
    }

    static Stream<Arguments> everyTypeInEveryLanguage() {
        return Stream.of("ru", "kk", "en").flatMap(lang -> Stream.of("ACCESS", "CORRECTION", "RESTRICTION",
                "WITHDRAWAL", "DELETION").map(type -> Arguments.of(type, lang)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTypeInEveryLanguage")
    void aPersonFilesVerifiesAndFollowsARequest(String type, String lang) {
        String email = Subjects.newEmail();
        browser.go("/?lang=" + lang);
        assertLanguage(lang, "form.heading");
        browser.click("#type-" + type);
        assertThat(browser.shown("#details-" + type) || "ACCESS".equals(type)).isTrue();
        assertThat(browser.all(".details").stream().filter(d -> d.isDisplayed()).count())
                .as("only the chosen type's fields").isEqualTo("ACCESS".equals(type) ? 0 : 1);
        fillDetails(type);
        fillContact("Айгерим Серикова", email, "8 701 123 45 67");
        browser.screenshot("form-" + type.toLowerCase() + "-" + lang);
        browser.click("#submit");

        String reference = browser.visible("#confirmation #reference").getText();
        assertThat(reference).matches("DSR-\\d{4}-\\d+");
        assertLanguage(lang, "form.sentHeading");
        browser.screenshot("form-sent-" + lang);

        Matcher verifyLink = link(email, "verify");
        assertThat(verifyLink.group(3)).as("the e-mail's link keeps the language").isEqualTo(lang);
        String id = verifyLink.group(4);
        browser.go(verifyLink.group(1));
        assertThat(browser.visible("#verify-done #verify-reference").getText()).isEqualTo(reference);
        assertLanguage(lang, "verify.doneHeading");
        assertThat(browser.driver().getCurrentUrl()).as("the used token leaves the address bar")
                .doesNotContain("token=");
        browser.screenshot("verify-done-" + lang);

        browser.go(link(email, "status").group(1));
        browser.visible("#status-view");
        assertThat(browser.find("#s-reference").getText()).isEqualTo(reference);
        assertThat(browser.find("#s-type").getText()).isEqualTo(browser.text(lang, "type." + type + ".label"));
        assertThat(browser.find("#s-status").getText()).isEqualTo(browser.text(lang, "status.value.OPEN"));
        assertThat(browser.find("#timeline").getText()).contains(browser.text(lang, "timeline.VERIFIED"));
        assertThat(browser.shown("#s-closed-row")).as("an open request has no closing date").isFalse();
        assertThat(browser.find("#s-due").getText()).matches(".*\\d{4}.*");
        assertLanguage(lang, "status.heading");
        browser.screenshot("status-" + type.toLowerCase() + "-" + lang);
        browser.assertNoConsoleErrors();

        // What the officer sees is what the person entered, in their language
        read(id).then().statusCode(200)
                .body("type", equalTo(type))
                .body("locale", equalTo(lang))
                .body("reference", equalTo(reference))
                .body("subject.email", equalTo(email))
                .body("subject.phone", equalTo("+77011234567"));
        assertDetails(id, type);
    }

    private void fillDetails(String type) {
        switch (type) {
            case "CORRECTION" -> {
                browser.click("#correct-PHONE");
                browser.type("#new-PHONE", "+7 701 765 43 21");
                browser.click("#correct-NAME");
                browser.type("#new-NAME", "Aigerim Serikkyzy");
                browser.type("#correction-explanation", "Number and surname changed in March.");
            }
            case "RESTRICTION" -> browser.type("#restriction-reason", "I dispute the accuracy of my data.");
            case "WITHDRAWAL" -> {
                assertThat(browser.shown("#withdrawal-purposes")).isFalse();
                browser.click("#withdrawal-scope-PURPOSES");
                browser.visible("#withdrawal-purposes");
                browser.click("#purpose-CONSULTING");
                browser.click("#purpose-SECURITY");
            }
            case "DELETION" -> {
                browser.click("#deletion-scope-SOURCES");
                browser.visible("#deletion-sources");
                browser.click("#source-TELEGRAM_BOT");
            }
            default -> { }
        }
    }

    private static void assertDetails(String id, String type) {
        var details = read(id).then();
        switch (type) {
            case "CORRECTION" -> details
                    .body("details.correction.changes.field", equalTo(List.of("NAME", "PHONE")))
                    .body("details.correction.changes.newValue", equalTo(List.of("Aigerim Serikkyzy", "+77017654321")))
                    .body("details.correction.explanation", equalTo("Number and surname changed in March."));
            case "RESTRICTION" -> details.body("details.restriction.reason", equalTo("I dispute the accuracy of my data."));
            case "WITHDRAWAL" -> details.body("details.withdrawal.scope", equalTo("PURPOSES"))
                    .body("details.withdrawal.purposes", equalTo(List.of("CONSULTING", "SECURITY")));
            case "DELETION" -> details.body("details.deletion.scope", equalTo("SOURCES"))
                    .body("details.deletion.sources", equalTo(List.of("TELEGRAM_BOT")));
            default -> details.body("details", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                    equalTo(Map.of())));
        }
    }

    private void fillContact(String name, String email, String phone) {
        browser.type("#name", name);
        browser.type("#email", email);
        browser.type("#phone", phone);
    }

    /** The page is in {@code lang}: the html element says so, and the text of {@code key} is that language's. */
    private void assertLanguage(String lang, String key) {
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo(lang);
        String expected = browser.text(lang, key);
        assertThat(expected).isNotBlank();
        if (!"en".equals(lang)) {
            assertThat(expected).as("translated: " + key).isNotEqualTo(browser.text("en", key));
        }
        assertThat(browser.all("[data-i18n='" + key + "']").stream().anyMatch(e -> e.getText().equals(expected))
                || browser.driver().getTitle().equals(expected)).as(key + " shown in " + lang).isTrue();
    }

    /** The link to {@code page} in the newest e-mail that has one. */
    private Matcher link(String email, String page) {
        List<Mail> mails = subjects.mailTo(email);
        for (Mail mail : mails.reversed()) {
            Matcher link = LINK.matcher(mail.getText());
            if (link.find() && link.group(2).equals(page)) {
                return link;
            }
        }
        throw new AssertionError("no e-mail with a link to /" + page + " among " + mails.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk", "en"})
    void fieldErrorsAppearNextToTheirFieldsInTheChosenLanguageAndNothingTypedIsLost(String lang) {
        browser.go("/?lang=" + lang);
        browser.click("#type-CORRECTION");
        browser.click("#correct-PHONE");
        browser.type("#new-PHONE", "12");
        browser.type("#email", "not-an-address");
        browser.type("#phone", "abc");
        browser.click("#submit");

        browser.visible("#error-summary");
        Map<String, String> expected = Map.of(
                "name", "error.name.required",
                "email", "error.email.invalid",
                "phone", "error.phone.invalid",
                "new-PHONE", "error.new.PHONE.invalid",
                "correction-explanation", "error.correction.explanation.required");
        expected.forEach((field, key) -> {
            assertThat(browser.find("#" + field + "-error").getText()).as(field).isEqualTo(browser.text(lang, key));
            assertThat(browser.find("#" + field).getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
        });
        assertThat(browser.all("#error-list a").stream().map(a -> a.getDomAttribute("href")).toList())
                .as("the summary in the order of the page")
                .containsExactly("#new-PHONE", "#correction-explanation", "#name", "#email", "#phone");
        assertThat(browser.js("return document.activeElement.id")).as("focus on the error summary")
                .isEqualTo("error-summary");
        assertThat(browser.find("#error-summary").getDomAttribute("role")).isEqualTo("alert");
        browser.screenshot("form-errors-" + lang);

        // The summary's links lead to the fields
        browser.all("#error-list a").getFirst().click();
        assertThat(browser.js("return document.activeElement.id")).isIn(expected.keySet());

        // Switching the language translates the errors and keeps what was typed
        String other = "en".equals(lang) ? "kk" : "en";
        browser.click("a[data-lang='" + other + "']");
        assertThat(browser.find("#email-error").getText()).isEqualTo(browser.text(other, "error.email.invalid"));
        assertThat(browser.value("#email")).isEqualTo("not-an-address");
        assertThat(browser.value("#new-PHONE")).isEqualTo("12");
        assertThat(browser.find("#type-CORRECTION").isSelected()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).endsWith("?lang=" + other);

        // Corrected, the same form goes through, in the language now chosen
        String email = Subjects.newEmail();
        browser.type("#name", "Aigerim");
        browser.type("#email", email);
        browser.type("#phone", "+7 701 123 45 67");
        browser.type("#new-PHONE", "+7 701 765 43 21");
        browser.type("#correction-explanation", "New number.");
        browser.click("#submit");
        browser.visible("#confirmation");
        assertThat(browser.shown("#error-summary")).isFalse();
        assertThat(link(email, "verify").group(3)).isEqualTo(other);
        browser.assertNoConsoleErrors("400");
    }

    @Test
    void anAnswerLostOnTheWayKeepsWhatWasTypedAndTheRetryFilesOnce() {
        String email = Subjects.newEmail();
        browser.go("/?lang=ru");
        browser.click("#type-RESTRICTION");
        fillDetails("RESTRICTION");
        fillContact("Aigerim", email, "");
        // The request reaches the service, but its answer is lost (a dropped connection)
        browser.js("""
                const real = window.fetch; let first = true;
                window.fetch = function () {
                  const sent = real.apply(this, arguments);
                  if (!first) return sent;
                  first = false;
                  return sent.then(() => { throw new TypeError('connection lost'); });
                };""");
        browser.click("#submit");
        browser.waitUntil(d -> browser.shown("#form-problem"));
        assertThat(browser.find("#form-problem").getText()).isEqualTo(browser.text("ru", "problem.network"));
        assertThat(browser.value("#email")).isEqualTo(email);
        assertThat(browser.value("#restriction-reason")).isEqualTo("I dispute the accuracy of my data.");

        browser.click("#submit");
        String reference = browser.visible("#confirmation #reference").getText();
        List<Mail> mails = subjects.mailTo(email);
        assertThat(mails).as("one request, one e-mail").hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains(reference);
    }

    @Test
    void theLanguageSwitchTranslatesEveryTextAndKeepsTheChoiceAcrossPages() {
        browser.go("/?lang=ru");
        browser.type("#name", "Aigerim");
        for (String lang : List.of("kk", "en", "ru")) {
            browser.click("a[data-lang='" + lang + "']");
            assertThat(browser.js("return document.documentElement.lang")).isEqualTo(lang);
            assertThat(browser.find("a[data-lang='" + lang + "']").getDomAttribute("aria-current")).isEqualTo("true");
            // every marked text is the dictionary's, and none is missing
            @SuppressWarnings("unchecked")
            List<String> untranslated = (List<String>) browser.js("""
                    return Array.from(document.querySelectorAll('[data-i18n]'))
                      .filter(e => DSR.lang !== arguments[0] || !(e.dataset.i18n in DSR.i18n[arguments[0]])
                        || e.textContent !== DSR.t(e.dataset.i18n))
                      .map(e => e.dataset.i18n);""", lang);
            assertThat(untranslated).isEmpty();
            assertThat(browser.value("#name")).isEqualTo("Aigerim");
            browser.screenshot("form-" + lang);
        }
        @SuppressWarnings("unchecked")
        List<String> keyDifferences = (List<String>) browser.js("""
                const d = DSR.i18n, en = Object.keys(d.en);
                return ['ru', 'kk'].flatMap(l => en.filter(k => !(k in d[l])).map(k => l + ':' + k)
                  .concat(Object.keys(d[l]).filter(k => !(k in d.en)).map(k => l + ' extra:' + k))
                  .concat(en.filter(k => d[l][k] === '').map(k => l + ' empty:' + k)));""");
        assertThat(keyDifferences).as("every text in all three languages").isEmpty();

        // A link to the status page in another language keeps the fragment with the request
        browser.go("/status?lang=en#request=00000000-0000-0000-0000-000000000000&token=x");
        browser.visible("#status-problem");
        browser.click("a[data-lang='kk']");
        assertThat(browser.driver().getCurrentUrl())
                .endsWith("/status?lang=kk#request=00000000-0000-0000-0000-000000000000&token=x");
        assertThat(browser.find("#status-problem-text").getText())
                .isEqualTo(browser.text("kk", "status.notFound").replace("{contact}", "sales@region715.kz"));
        assertThat(browser.find("footer a[href^='https://']").getDomAttribute("href"))
                .as("the privacy policy link").isEqualTo("https://region715.kz/privacy");
    }

    @Test
    void theCodeVerifiesWhenTheLinkIsNotUsedAndWrongCodesAreCounted() {
        String email = Subjects.newEmail();
        browser.go("/?lang=en");
        browser.click("#type-ACCESS");
        fillContact("Aigerim", email, "");
        browser.click("#submit");
        browser.visible("#confirmation");
        browser.click("#code-link");
        browser.visible("#code-form");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("code");
        browser.screenshot("verify-code-en");

        String code = subjects.verificationSecrets(email).code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        browser.type("#code", wrong);
        browser.find("#code").sendKeys(Keys.ENTER);
        browser.waitUntil(d -> !browser.find("#code-error").getText().isEmpty());
        assertThat(browser.find("#code-error").getText())
                .isEqualTo(browser.text("en", "verify.error.codeWrong").replace("{left}", "4"));
        browser.type("#code", "12a");
        browser.find("#code").sendKeys(Keys.ENTER);
        assertThat(browser.find("#code-error").getText()).isEqualTo(browser.text("en", "verify.error.codeFormat"));

        browser.type("#code", code);
        browser.find("#code").sendKeys(Keys.ENTER);
        browser.visible("#verify-done");
        browser.assertNoConsoleErrors("422");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk", "en"})
    void anExpiredLinkIsExplainedAndANewEmailCanBeSent(String lang) {
        String email = Subjects.newEmail();
        browser.go("/?lang=" + lang);
        browser.click("#type-DELETION");
        fillContact("Aigerim", email, "");
        browser.click("#submit");
        browser.visible("#confirmation");
        String expired = link(email, "verify").group(1);
        clock.advance(Duration.ofHours(25));

        browser.go(expired);
        browser.visible("#verify-problem");
        assertThat(browser.find("#verify-problem-heading").getText())
                .isEqualTo(browser.text(lang, "verify.problem.linkExpired.heading"));
        browser.screenshot("verify-expired-" + lang);
        browser.click("#resend-button");
        browser.waitUntil(d -> browser.find("#resend-result").getText()
                .equals(browser.text(lang, "verify.resent")));

        String fresh = link(email, "verify").group(1);
        browser.go(fresh);
        browser.visible("#verify-done");
        // The used link again: explained as used, with the request already confirmed
        browser.go(fresh);
        browser.visible("#verify-problem");
        assertThat(browser.find("#verify-problem-heading").getText())
                .isEqualTo(browser.text(lang, "verify.problem.alreadyVerified.heading"));
        // ... with a way to the status link, for whoever lost that e-mail; the link sent before works until the
        // new one is opened
        String oldStatus = link(email, "status").group(1);
        browser.visible("#status-link");
        browser.click("#status-link-button");
        browser.waitUntil(d -> browser.find("#status-link-result").getText().equals(browser.text(lang, "link.sent")));
        String newStatus = link(email, "status").group(1);
        assertThat(newStatus).isNotEqualTo(oldStatus);
        browser.go(oldStatus);
        browser.visible("#status-view");
        browser.go("/");
        browser.go(newStatus);
        browser.visible("#status-view");
        browser.go("/");
        browser.go(oldStatus);
        browser.visible("#status-problem");
        assertThat(browser.shown("#status-link")).isTrue();
        browser.assertNoConsoleErrors("410", "409", "404");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk", "en"})
    void theSubjectAnswersTheOfficersQuestionOnTheStatusPage(String lang) {
        String email = Subjects.newEmail();
        String id = fileThroughThePages("RESTRICTION", lang, email);
        act(id, "questions", Map.of("text", "Which data do you dispute?")).then().statusCode(200);

        browser.go(link(email, "status").group(1));
        browser.visible("#question");
        assertThat(browser.find("#question-text").getText()).isEqualTo("Which data do you dispute?");
        assertThat(browser.find("#s-status").getText()).isEqualTo(browser.text(lang, "status.value.AWAITING_SUBJECT"));
        browser.screenshot("status-question-" + lang);
        browser.click("#answer-form button");
        assertThat(browser.find("#answer-error").getText()).isEqualTo(browser.text(lang, "status.answerRequired"));

        browser.type("#answer", "The phone number ending 4567.");
        browser.click("#answer-form button");
        browser.visible("#answer-sent");
        assertThat(browser.shown("#question")).isFalse();
        assertThat(browser.find("#s-status").getText()).isEqualTo(browser.text(lang, "status.value.IN_REVIEW"));
        assertThat(browser.find("#timeline").getText()).contains("The phone number ending 4567.")
                .contains(browser.text(lang, "timeline.ANSWER"));
        read(id).then().body("status", equalTo("IN_REVIEW")).body("timeline.kind", hasItem("ANSWER"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void theAccessPackageIsDownloadedFromTheStatusPage() throws Exception {
        String email = Subjects.newEmail();
        String id = fileThroughThePages("ACCESS", "en", email);
        act(id, "approval", Map.of()).then().statusCode(200);
        worker.runDue("browser-test");
        read(id).then().body("status", equalTo("COMPLETED"));
        browser.go(link(email, "status").group(1));
        browser.visible("#package");
        assertThat(browser.find("#s-closed").getText()).as("when it was closed").isNotBlank();
        browser.screenshot("status-package-en");
        browser.click("#download-json");
        Path file = browser.downloads().resolve(read(id).path("reference") + "-personal-data.json");
        browser.waitUntil(d -> Files.exists(file));
        String json = browser.waitUntil(d -> {
            try {
                String content = Files.readString(file);
                return content.endsWith("}") ? content : null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(json).contains("\"reference\":\"" + read(id).path("reference") + "\"").contains(email);
        browser.click("#download-html");
        Path page = browser.downloads().resolve(read(id).path("reference") + "-personal-data.html");
        browser.waitUntil(d -> Files.exists(page));
        browser.waitUntil(d -> browser.find("#package-result").getText()
                .equals(browser.text("en", "status.downloaded")));
        read(id).then().body("timeline.kind", hasItem("PACKAGE_DOWNLOADED"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void theFormWorksWithTheKeyboardAloneInAFocusOrderThatFollowsThePage() {
        String email = Subjects.newEmail();
        browser.go("/?lang=en");
        List<String> order = new java.util.ArrayList<>();
        browser.js("document.activeElement && document.activeElement.blur()");
        for (int i = 0; i < 8; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            order.add((String) browser.js("const e = document.activeElement; return e.id || e.dataset.lang "
                    + "|| e.className || e.tagName"));
        }
        assertThat(order).containsExactly("skip", "ru", "kk", "en", "type-ACCESS", "name", "email", "phone");

        // Arrow keys choose within the radio group; the details of the chosen type appear next in the order
        browser.find("#type-ACCESS").sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.find("#type-CORRECTION").isSelected()).isTrue();
        browser.find("#type-CORRECTION").sendKeys(Keys.TAB);
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("correct-NAME");
        browser.find("#correct-NAME").sendKeys(Keys.SPACE);
        browser.find("#correct-NAME").sendKeys(Keys.TAB);
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("new-NAME");
        browser.driver().switchTo().activeElement().sendKeys("Aigerim Serikkyzy");
        browser.type("#correction-explanation", "Married.");
        browser.type("#name", "Aigerim");
        browser.type("#email", email);
        browser.find("#email").sendKeys(Keys.ENTER);
        browser.visible("#confirmation");
        assertThat(browser.js("return document.activeElement.id")).as("focus moves to the confirmation")
                .isEqualTo("confirmation");
    }

    @Test
    void everyFieldHasALabelAndEveryTextEnoughContrast() {
        String email = Subjects.newEmail();
        browser.go("/?lang=kk");
        // the check itself finds what it looks for
        browser.js("""
                const faint = document.createElement('p'); faint.id = 'faint'; faint.textContent = 'faint';
                faint.style.color = '#bbbbbb'; document.querySelector('main').appendChild(faint);
                const bare = document.createElement('input'); bare.id = 'bare'; document.querySelector('main').appendChild(bare);""");
        assertThat(browser.accessibilityProblems()).hasSize(2).anyMatch(p -> p.contains("#faint"))
                .anyMatch(p -> p.contains("no label: bare"));
        browser.go("/?lang=kk");
        for (String type : List.of("CORRECTION", "WITHDRAWAL", "DELETION", "RESTRICTION")) {
            browser.click("#type-" + type);
            fillDetails(type);
            assertThat(browser.accessibilityProblems()).as("form with " + type).isEmpty();
        }
        browser.click("#submit");
        browser.visible("#error-summary");
        assertThat(browser.accessibilityProblems()).as("form with errors").isEmpty();

        String id = fileThroughThePages("ACCESS", "ru", email);
        assertThat(browser.accessibilityProblems()).as("verified").isEmpty();
        browser.go("/verify?lang=en#request=" + id + "&token=used");
        browser.visible("#verify-problem");
        assertThat(browser.accessibilityProblems()).as("verify, already used").isEmpty();
        browser.go("/verify?lang=en#request=00000000-0000-0000-0000-000000000000");
        browser.visible("#code-form");
        assertThat(browser.accessibilityProblems()).as("verify by code").isEmpty();
        act(id, "questions", Map.of("text", "Which address?")).then().statusCode(200);
        browser.go(link(email, "status").group(1));
        browser.visible("#question");
        assertThat(browser.accessibilityProblems()).as("status with a question").isEmpty();
    }

    @Test
    void thePagesFitAPhoneScreen() {
        try (Browser phone = Browser.phone()) {
            for (String lang : List.of("ru", "kk", "en")) {
                phone.go("/?lang=" + lang);
                phone.screenshot("form-phone-" + lang);
                phone.click("#type-CORRECTION");
                phone.click("#correct-PHONE");
                assertThat(phone.js("return document.documentElement.scrollWidth <= screen.width"))
                        .as("no sideways scrolling in " + lang).isEqualTo(true);
            }
            phone.go("/verify?lang=kk#request=00000000-0000-0000-0000-000000000000");
            phone.visible("#code-form");
            assertThat(phone.js("return document.documentElement.scrollWidth <= screen.width")).isEqualTo(true);
            phone.screenshot("verify-phone-kk");
        }
    }

    /** Files a request of {@code type} through the form and verifies it through the e-mailed link; its id. */
    private String fileThroughThePages(String type, String lang, String email) {
        browser.go("/?lang=" + lang);
        browser.click("#type-" + type);
        fillDetails(type);
        fillContact("Aigerim", email, "");
        browser.click("#submit");
        browser.visible("#confirmation");
        Matcher verify = link(email, "verify");
        browser.go(verify.group(1));
        browser.visible("#verify-done");
        return verify.group(4);
    }

}
