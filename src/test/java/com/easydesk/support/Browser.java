package com.easydesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.fail;

/**
 * A headless Chromium from the system (Debian packages, or the paths in {@code EASYDESK_CHROMIUM} and
 * {@code EASYDESK_CHROMEDRIVER}), never downloaded, with a fresh profile, and screenshots of whole pages at
 * desktop and phone width into {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path scratch;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String screenshotPrefix;
    private int screenshotNumber;

    private Browser(String screenshotPrefix) throws IOException {
        this.screenshotPrefix = screenshotPrefix;
        this.scratch = Files.createTempDirectory("easydesk-browser-");
        this.driver = start(scratch.resolve("profile"));
        this.wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    public static Browser start(String screenshotPrefix) throws IOException {
        return new Browser(screenshotPrefix);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    /** The whole page at 1280 pixels wide. */
    public void screenshot(String name) {
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

    /** The page as a 390 × 844 phone renders it, with the mobile viewport rules applied. */
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

    private static ChromeDriver start(Path profile) {
        Path chromium = executable("EASYDESK_CHROMIUM", "/usr/bin/chromium", "Chromium");
        Path chromedriver = executable("EASYDESK_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
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
