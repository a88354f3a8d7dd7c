package com.easydesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.easydesk.person.Person;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real headless Chromium driving the application on its test port, with the steps every browser test
 * shares: sign in and out, wait, upload files, and save screenshots to {@code target/screenshots} for
 * people to look at (nothing asserts on them).
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int port;
    private final String screenshotPrefix;
    private final Path scratch;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private int screenshotNumber;

    public Browser(int port, String screenshotPrefix) throws IOException {
        this.port = port;
        this.screenshotPrefix = screenshotPrefix;
        this.scratch = Files.createTempDirectory("easydesk-browser-");
        this.driver = startChromium(scratch.resolve("profile"));
        // htmx replaces parts of the page while a wait looks at them; a vanished element means look again.
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    /** A folder of this browser's own, removed on close: for downloads and files to upload. */
    public Path scratch() {
        return scratch;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Clicks an element scrolled to the middle of the window, clear of the sticky header. Found again when htmx
     * swaps it between the finding and the click (the header's bell replaces itself on every poll).
     */
    public void click(String css) {
        wait.until(page -> {
            WebElement element = find(css);
            // Instant, because Bootstrap makes scrolling smooth and a click mid-animation misses.
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
            element.click();
            return true;
        });
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    public void signIn(Person person, String password, String screenshotName) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(person.getEmail());
        driver.findElement(By.id("password")).sendKeys(password);
        screenshot(screenshotName);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public void signOut() {
        driver.findElement(By.id("user-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
    }

    /** A file with this name and content in the browser's scratch folder, ready for a file input. */
    public Path upload(String name, String content) throws IOException {
        Path directory = Files.createDirectories(scratch.resolve("uploads"));
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The whole page, not just the window, as a PNG. */
    public void screenshot(String name) {
        // A sticky header would be painted where the window happens to be scrolled to.
        driver.executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));

        Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", screenshotPrefix, ++screenshotNumber, name));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Renders the page as a 390 × 844 phone would, with the mobile viewport rules applied. */
    public void phoneScreenshot(String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            screenshot(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * Chromium and chromedriver from the system (Debian packages, or the paths in the environment), never
     * downloaded: naming the driver in the service keeps Selenium Manager out of it.
     */
    private static ChromeDriver startChromium(Path profile) {
        Path chromium = executable("EASYDESK_CHROMIUM", "/usr/bin/chromium", "Chromium");
        Path chromedriver = executable("EASYDESK_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver");

        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--force-prefers-reduced-motion",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver.toString()))
                .build();
        return new ChromeDriver(service, options);
    }

    /** A missing browser fails the test instead of skipping it: CI installs both, so absence is a fault. */
    private static Path executable(String variable, String fallback, String what) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isExecutable(path)) {
            fail(what + " is not at " + path + ": install it (Debian: apt-get install chromium chromium-driver)"
                    + " or set " + variable + " to its path");
        }
        return path;
    }
}
