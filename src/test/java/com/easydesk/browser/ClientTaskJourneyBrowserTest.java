package com.easydesk.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One task from both sides, in a real headless Chromium: the client submits it with files, the
 * responsible employee answers publicly and leaves an internal note, the client sees only the answer,
 * and each side is told by e-mail. Screenshots of every step go to {@code target/screenshots} for
 * people to look at; nothing asserts on them.
 */
@IntegrationTest
class ClientTaskJourneyBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String TITLE = "Не печатает принтер в бухгалтерии";
    private static final String DESCRIPTION = "С утра принтер HP в кабинете 12 пишет «Замятие бумаги».";
    private static final String PUBLIC_REPLY = "Заменили ролик подачи, проверьте, пожалуйста.";
    private static final String INTERNAL_NOTE = "Внутреннее: ролик взяли со склада, счёт клиенту не выставлять.";
    private static final String CLIENT_ANSWER = "Спасибо, печатает!";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Person contact;
    Person employee;
    Category category;

    Path scratch;
    ChromeDriver driver;
    WebDriverWait wait;
    int screenshotNumber;

    @BeforeEach
    void setUp() throws IOException {
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());

        scratch = Files.createTempDirectory("easydesk-browser-");
        driver = startChromium(scratch.resolve("profile"));
        // htmx replaces the conversation while the wait looks at it; a vanished element just means look again.
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
    }

    @Test
    void clientSeesPublicReplyButNeverInternalNoteAndBothSidesAreMailed() throws IOException {
        Path estimate = upload("Смета №1.txt", "Смета на ремонт принтера");
        Path photo = upload("фото сервера.png", "не совсем png");
        Path report = upload("Акт выполненных работ.txt", "Акт №7");

        signIn(contact, "client-login");
        long number = submitTask(estimate, photo);
        myTasksListShows(number);
        signOut();

        signIn(employee, "employee-login");
        wait.until(ExpectedConditions.urlToBe(url("/queue")));
        openFromQueue(number);
        postReply(PUBLIC_REPLY, report, false, "employee-public-reply");
        postReply(INTERNAL_NOTE, null, true, "employee-internal-note");
        signOut();

        signIn(contact, "client-login-again");
        clientSeesReplyWithFileButNotInternalNote(number, report);

        MimeMessage replyMail = awaitMail(contact, number, PUBLIC_REPLY);
        assertThat(body(replyMail)).contains("/tasks/" + number);
        postReply(CLIENT_ANSWER, null, false, "client-answer");
        awaitMail(employee, number, CLIENT_ANSWER);

        // The outbox sends in the order mail was queued, so once the mail about the client's later answer
        // has arrived, a mail about the earlier internal note would have arrived too.
        assertThat(mailsAbout(number, contact)).extracting(ClientTaskJourneyBrowserTest::body)
                .noneMatch(text -> text.contains(INTERNAL_NOTE));
    }

    private long submitTask(Path... files) {
        driver.findElement(By.id("nav-new-task")).click();
        wait.until(ExpectedConditions.urlToBe(url("/tasks/new")));
        driver.findElement(By.id("title")).sendKeys(TITLE);
        driver.findElement(By.id("description")).sendKeys(DESCRIPTION);
        new Select(driver.findElement(By.id("categoryId"))).selectByValue(String.valueOf(category.getId()));
        driver.findElement(By.id("files")).sendKeys(String.join("\n", Stream.of(files).map(Path::toString).toList()));
        screenshot("new-task-filled");

        WebElement create = driver.findElement(By.id("create-task"));
        // Bootstrap scrolls smoothly; a click aimed while the page still moves lands elsewhere.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", create);
        create.click();
        wait.until(ExpectedConditions.urlMatches("/tasks/\\d+$"));
        long number = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/tasks/", ""));
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(TITLE);
        assertThat(texts(driver.findElements(By.cssSelector("#task-page .card .file-name"))))
                .containsExactly(fileName(files[0]), fileName(files[1]));
        screenshot("task-submitted");
        return number;
    }

    private void myTasksListShows(long number) {
        driver.findElement(By.id("nav-tasks")).click();
        wait.until(ExpectedConditions.urlToBe(url("/tasks")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Мои задачи");

        WebElement row = driver.findElement(By.cssSelector(".task-row[data-number='" + number + "']"));
        assertThat(row.findElement(By.className("task-number")).getText()).isEqualTo("#" + number);
        assertThat(row.findElement(By.className("task-title")).getText()).isEqualTo(TITLE);
        assertThat(row.findElement(By.className("task-responsible")).getText()).isEqualTo(employee.getFullName());
        assertThat(row.findElement(By.className("badge")).getText()).isEqualTo("Новая");
        screenshot("my-tasks");
        phoneScreenshot("my-tasks-phone");
    }

    private void openFromQueue(long number) {
        screenshot("employee-queue");
        driver.findElement(By.cssSelector(".queue-row[data-number='" + number + "']")).click();
        wait.until(ExpectedConditions.urlToBe(url("/tasks/" + number)));
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(TITLE);
    }

    /**
     * Sends a reply through the htmx form and waits for it to show in the conversation. A marker on the
     * window proves the conversation was swapped in place: a full page load would have dropped it.
     */
    private void postReply(String text, Path file, boolean internal, String screenshotName) {
        JavascriptExecutor js = driver;
        js.executeScript("window.journeyMarker = arguments[0];", text);

        driver.findElement(By.id("body")).sendKeys(text);
        if (file != null) {
            driver.findElement(By.id("reply-files")).sendKeys(file.toString());
        }
        if (internal) {
            driver.findElement(By.id("internal1")).click();
        }
        driver.findElement(By.id("send-reply")).click();

        wait.until(page -> messageBodies().contains(text));
        assertThat(js.executeScript("return window.journeyMarker;")).isEqualTo(text);
        assertThat(driver.findElement(By.id("body")).getDomProperty("value")).isEmpty();
        screenshot(screenshotName);
    }

    private void clientSeesReplyWithFileButNotInternalNote(long number, Path replyFile) {
        driver.get(url("/tasks/" + number));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));

        assertThat(messageBodies()).contains(PUBLIC_REPLY);
        assertThat(driver.getPageSource()).doesNotContain(INTERNAL_NOTE);
        WebElement link = driver.findElement(By.cssSelector("#conversation .message a.file-chip"));
        assertThat(link.findElement(By.className("file-name")).getText()).isEqualTo(fileName(replyFile));
        assertThat(link.getDomAttribute("href")).matches("/tasks/" + number + "/files/\\d+/view");
        screenshot("client-sees-reply");
        phoneScreenshot("client-sees-reply-phone");
    }

    private void signIn(Person person, String screenshotName) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(person.getEmail());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        screenshot(screenshotName);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        driver.findElement(By.id("user-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
    }

    private List<String> messageBodies() {
        return texts(driver.findElements(By.cssSelector("#conversation .message .message-body")));
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private MimeMessage awaitMail(Person recipient, long number, String text) {
        return new FluentWait<>(TestMail.server()).withTimeout(WAIT).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no mail to " + recipient.getEmail() + " about #" + number + " with: " + text)
                .until(mail -> mailsAbout(number, recipient).stream()
                        .filter(message -> body(message).contains(text))
                        .findFirst().orElse(null));
    }

    /** GreenMail serves the whole test run, so only mail to this person about this task counts. */
    private static List<MimeMessage> mailsAbout(long number, Person recipient) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(message -> isAddressedTo(message, recipient.getEmail()))
                .filter(message -> subject(message).startsWith("[#" + number + "]"))
                .toList();
    }

    private static boolean isAddressedTo(MimeMessage message, String email) {
        try {
            return Stream.of(message.getRecipients(RecipientType.TO))
                    .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(email));
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private void screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));

        Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++screenshotNumber, name));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Renders the page as a 390 × 844 phone would, with the mobile viewport rules applied. */
    private void phoneScreenshot(String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            screenshot(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private Path upload(String name, String content) throws IOException {
        Path directory = Files.createDirectories(scratch.resolve("uploads"));
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
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

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
