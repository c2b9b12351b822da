package kz.region715.dsr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver: a person's view of
 * the subject pages. Without Chromium the browser tests are skipped, unless
 * {@code DSR_BROWSER_TESTS=required} (set by .ci/run, which installs it), when
 * they fail.
 */
public final class Browser implements AutoCloseable {

    public static final String BASE = "http://localhost:8081";
    private static final Path CHROMIUM = Path.of(System.getProperty("dsr.browser.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("dsr.browser.driver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(int width, int height, boolean phone) {
        try {
            profile = Files.createTempDirectory("dsr-chromium-");
            downloads = Files.createTempDirectory("dsr-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags this machine's closed network needs, and a fresh profile per browser.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--lang=en-US",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        if (phone) {
            // Desktop windows have a minimum width; a phone is emulated, with its screen and touch
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Mobile Safari/537.36"));
        }
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /** A desktop-sized browser; skips the test (or fails it in CI) when Chromium is not installed. */
    public static Browser open() {
        return open(1280, 1000, false);
    }

    /** A browser with a phone-sized window. */
    public static Browser phone() {
        return open(390, 844, true);
    }

    private static Browser open(int width, int height, boolean phone) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && "required".equals(System.getenv("DSR_BROWSER_TESTS"))) {
            Assertions.fail("Chromium and chromedriver are required (DSR_BROWSER_TESTS=required) but " + CHROMIUM
                    + " or " + DRIVER + " is missing; install the Debian packages chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed (Debian packages chromium, chromium-driver): "
                + "browser tests skipped");
        return new Browser(width, height, phone);
    }

    public WebDriver driver() {
        return driver;
    }

    public Path downloads() {
        return downloads;
    }

    /** Opens a path of the service, or a whole URL. */
    public Browser go(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : BASE + pathOrUrl);
        waitUntil(d -> "complete".equals(js("return document.readyState")));
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for the element to be shown, and returns it. */
    public WebElement visible(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    public boolean shown(String css) {
        List<WebElement> found = all(css);
        return !found.isEmpty() && found.getFirst().isDisplayed();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The page's own text for {@code key} in {@code lang}, from its dictionaries. */
    public String text(String lang, String key) {
        return (String) js("return window.DSR.i18n[arguments[0]][arguments[1]]", lang, key);
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    public String value(String css) {
        return find(css).getDomProperty("value");
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // The whole page: the window grows to the page's height for the picture, then returns to its size
            Dimension window = driver.manage().window().getSize();
            long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
            long chrome = window.getHeight() - ((Number) js("return window.innerHeight")).longValue();
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(window.getHeight(),
                    height + chrome)));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(window);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors so far: a CSP violation, a failed script or a 5xx shows up here. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Asserts that the page has logged no error other than the answers the test provoked on purpose. */
    public void assertNoConsoleErrors(String... expectedStatusCodes) {
        List<String> unexpected = consoleErrors().stream()
                .filter(message -> java.util.Arrays.stream(expectedStatusCodes)
                        .noneMatch(code -> message.contains("status of " + code)))
                .toList();
        assertThat(unexpected).as("console errors").isEmpty();
    }

    /**
     * Basic accessibility problems on what is shown now: a control without a
     * label, text below WCAG AA contrast (4.5:1, 3:1 for large text) against its
     * background, a page without its language or without exactly one h1.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityProblems() {
        return (List<String>) js("""
                const problems = [];
                const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                if (!document.documentElement.lang) problems.push('no lang on html');
                if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');
                document.querySelectorAll('input, textarea, select, button').forEach(c => {
                  if (!shown(c)) return;
                  const named = (c.labels && c.labels.length) || c.getAttribute('aria-label')
                    || c.getAttribute('aria-labelledby') || (c.tagName === 'BUTTON' && c.textContent.trim());
                  if (!named) problems.push('no label: ' + (c.id || c.name));
                });
                const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
                const lum = c => {
                  const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const background = e => {
                  for (; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c;
                  }
                  return [255, 255, 255];
                };
                document.querySelectorAll('body *').forEach(e => {
                  const text = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
                  if (!text || !shown(e)) return;
                  const style = getComputedStyle(e);
                  const fg = rgb(style.color), bg = background(e);
                  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
                  const ratio = (hi + 0.05) / (lo + 0.05);
                  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
                  const large = size >= 24 || (bold && size >= 18.66);
                  if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ': ' + e.tagName + '#' + e.id + ' ' + e.textContent.trim().slice(0, 30));
                });
                return problems;""");
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
