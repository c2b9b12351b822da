package kz.region715.dsr.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import kz.region715.dsr.support.Browser;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The operator's site embeds the form: a page of its own (here on
 * http://127.0.0.1:8089, the origin the test profile allows) frames the form
 * and posts to the public API directly. The same page served from an origin
 * that is not configured can do neither.
 */
@QuarkusTest
class EmbeddingBrowserTest {

    private static final String HOST_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Region715</title></head>
            <body>
            <h1>Region715: privacy requests</h1>
            <p id="direct">pending</p>
            <iframe id="dsr" src="http://localhost:8081/?lang=kk" title="Personal data request" width="900" height="1400"></iframe>
            <script>
            fetch('http://localhost:8081/api/v1/requests', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({type: 'ACCESS', email: 'EMAIL', name: 'Aigerim', locale: 'kk'})})
              .then(r => r.json().then(b => { document.getElementById('direct').textContent = r.status + ' ' + b.reference; }))
              .catch(() => { document.getElementById('direct').textContent = 'blocked'; });
            </script>
            </body></html>
            """;

    private HttpServer site;
    private String email;

    @BeforeEach
    void startTheOperatorsSite() throws IOException {
        email = Subjects.newEmail();
        site = HttpServer.create(new InetSocketAddress(8089), 0);
        site.createContext("/", exchange -> {
            byte[] body = HOST_PAGE.replace("EMAIL", email).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stopTheOperatorsSite() {
        site.stop(0);
    }

    @Test
    void theConfiguredSiteFramesTheFormAndPostsToTheApi() {
        try (Browser browser = Browser.open()) {
            browser.go("http://127.0.0.1:8089/");
            browser.waitUntil(d -> !"pending".equals(browser.find("#direct").getText()));
            assertThat(browser.find("#direct").getText()).matches("202 DSR-\\d{4}-\\d+");

            WebDriver frame = browser.driver().switchTo().frame("dsr");
            assertThat(frame.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("kk");
            frame.findElement(By.id("type-ACCESS")).click();
            frame.findElement(By.id("name")).sendKeys("Aigerim");
            frame.findElement(By.id("email")).sendKeys(Subjects.newEmail());
            frame.findElement(By.id("submit")).click();
            browser.visible("#confirmation");
            browser.driver().switchTo().defaultContent();
            browser.screenshot("embedded-kk");
        }
    }

    @Test
    void anotherOriginCanNeitherFrameTheFormNorCallTheApi() {
        try (Browser browser = Browser.open()) {
            browser.go("http://localhost:8089/");
            browser.waitUntil(d -> !"pending".equals(browser.find("#direct").getText()));
            assertThat(browser.find("#direct").getText()).isEqualTo("blocked");
            WebDriver frame = browser.driver().switchTo().frame("dsr");
            assertThat(frame.findElements(By.id("request-form"))).as("the form is not shown in the frame").isEmpty();
            browser.driver().switchTo().defaultContent();
            assertThat(browser.consoleErrors()).anyMatch(e -> e.contains("frame-ancestors") || e.contains("CORS")
                    || e.contains("Refused"));
        }
    }
}
