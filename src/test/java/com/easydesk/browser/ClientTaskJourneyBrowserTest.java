package com.easydesk.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One task from both sides, in a real headless Chromium: the client submits it with files, the
 * responsible employee answers publicly and leaves an internal note, the client sees only the answer,
 * and each side is told by e-mail. Screenshots of every step go to {@code target/screenshots}.
 */
@IntegrationTest
class ClientTaskJourneyBrowserTest {

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

    Browser browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void setUp() throws IOException {
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());

        browser = new Browser(port, "journey");
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void clientSeesPublicReplyButNeverInternalNoteAndBothSidesAreMailed() throws IOException {
        Path estimate = browser.upload("Смета №1.txt", "Смета на ремонт принтера");
        Path photo = browser.upload("фото сервера.png", "не совсем png");
        Path report = browser.upload("Акт выполненных работ.txt", "Акт №7");

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
        assertThat(Mailbox.body(replyMail)).contains("/tasks/" + number);
        postReply(CLIENT_ANSWER, null, false, "client-answer");
        awaitMail(employee, number, CLIENT_ANSWER);

        // The outbox sends in the order mail was queued, so once the mail about the client's later answer
        // has arrived, a mail about the earlier internal note would have arrived too.
        assertThat(mailsAbout(number, contact)).extracting(Mailbox::body)
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
        browser.signIn(person, Fixtures.PASSWORD, screenshotName);
    }

    private void signOut() {
        browser.signOut();
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }

    private void phoneScreenshot(String name) {
        browser.phoneScreenshot(name);
    }

    private String url(String path) {
        return browser.url(path);
    }

    private List<String> messageBodies() {
        return browser.texts("#conversation .message .message-body");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static MimeMessage awaitMail(Person recipient, long number, String text) {
        return Mailbox.await(recipient, "about #" + number + " with: " + text,
                message -> isAbout(message, number) && Mailbox.body(message).contains(text));
    }

    private static List<MimeMessage> mailsAbout(long number, Person recipient) {
        return Mailbox.to(recipient).stream().filter(message -> isAbout(message, number)).toList();
    }

    private static boolean isAbout(MimeMessage message, long number) {
        return Mailbox.subject(message).startsWith("[#" + number + "]");
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }
}
