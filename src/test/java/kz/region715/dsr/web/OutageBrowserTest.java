package kz.region715.dsr.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import kz.region715.dsr.support.Browser;
import kz.region715.dsr.support.SmallPool;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The form during a database outage (every connection of a small pool held by the test, so the service really answers
 * 503): in each language it says the service is briefly unavailable, keeps what was typed, and files once the
 * database is back.
 */
@QuarkusTest
@TestProfile(SmallPool.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageBrowserTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Subjects subjects;

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

    @Test
    void theFormSaysTheServiceIsBrieflyUnavailableKeepsTheInputAndFilesWhenItIsBack() throws Exception {
        for (String lang : List.of("ru", "kk", "en")) {
            String email = Subjects.newEmail();
            browser.go("/?lang=" + lang);
            browser.click("#type-RESTRICTION");
            browser.type("#restriction-reason", "I dispute the accuracy of my data.");
            browser.type("#name", "Aigerim");
            browser.type("#email", email);
            try (AutoCloseable held = SmallPool.hold(dataSource)) {
                browser.click("#submit");
                browser.waitUntil(d -> browser.shown("#form-problem"));
                assertThat(browser.find("#form-problem").getText())
                        .isEqualTo(browser.text(lang, "problem.unavailable"))
                        .isNotEqualTo(browser.text(lang, "problem.server"));
                assertThat(browser.value("#email")).isEqualTo(email);
                assertThat(browser.value("#restriction-reason")).isEqualTo("I dispute the accuracy of my data.");
                browser.screenshot("form-outage-" + lang);
            }
            browser.click("#submit");
            String reference = browser.visible("#confirmation #reference").getText();
            List<Mail> mails = subjects.mailTo(email);
            assertThat(mails).as("filed once the database is back").hasSize(1);
            assertThat(mails.getFirst().getSubject()).contains(reference);
            browser.assertNoConsoleErrors("503");
        }
    }
}
