package com.easydesk.browser;

import java.io.IOException;
import java.util.List;

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
import com.easydesk.message.Message;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskEdit;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee works a client's task in headless Chromium: changes its parameters in the side panel without
 * reloading, meets a colleague's change as a conflict that shows the current values, and makes an internal
 * task out of the client's message in two clicks. The client never sees the internal task. Screenshots go
 * to {@code target/screenshots} for people to look at.
 */
@IntegrationTest
class TaskFromMessageBrowserTest {

    private static final String CLIENT_MESSAGE = "Заодно: в бухгалтерии не печатает второй принтер, лог во вложении.";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Person employee;
    Person manager;
    Person contact;
    Category category;
    Task task;
    Message message;

    Browser browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void setUp() throws IOException {
        employee = fixtures.staff(Role.EMPLOYEE);
        manager = fixtures.staff(Role.MANAGER);
        category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());
        task = fixtures.task(contact, category);
        message = fixtures.message(contact, task, CLIENT_MESSAGE, false, Fixtures.file("лог принтера.txt", "E13"));

        browser = new Browser(port, "task-from-message");
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
    void employeeEditsInPlaceMeetsAConflictAndMakesAnInternalTaskFromTheClientsMessage() {
        signIn(employee);
        driver.get(url("/tasks/" + task.getNumber()));
        markPage();

        changeInPanel("priority", "HIGH");
        wait.until(page -> text("#timeline").contains("Высокий"));
        assertThat(new Select(driver.findElement(By.id("priority"))).getFirstSelectedOption().getText())
                .isEqualTo("Высокий");
        assertThat(pageWasNotReloaded()).isTrue();
        screenshot("fm-panel-changed");

        someoneElseSetsPriority(Priority.CRITICAL);
        changeInPanel("priority", "LOW");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-conflict")));
        assertThat(new Select(driver.findElement(By.id("priority"))).getFirstSelectedOption().getText())
                .isEqualTo("Критический");
        assertThat(pageWasNotReloaded()).isTrue();
        screenshot("fm-conflict-shows-current-values");

        driver.findElement(By.cssSelector("#message-" + message.getId() + " .message-to-task")).click();
        wait.until(ExpectedConditions.urlContains("/tasks/new?from=" + message.getId()));
        assertThat(driver.findElement(By.id("title")).getDomProperty("value"))
                .isEqualTo(CLIENT_MESSAGE);
        assertThat(driver.findElement(By.id("description")).getDomProperty("value")).isEqualTo(CLIENT_MESSAGE);
        assertThat(texts("#quoted-origin .file-name")).containsExactly("лог принтера.txt");
        click(driver.findElement(By.id("internal1")));
        screenshot("fm-new-task-from-message");
        phoneScreenshot("fm-new-task-from-message-phone");

        click(driver.findElement(By.id("create-task")));
        wait.until(ExpectedConditions.urlMatches("/tasks/\\d+$"));
        long created = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/tasks/", ""));
        assertThat(created).isNotEqualTo(task.getNumber());
        assertThat(driver.findElement(By.id("internal-badge")).isDisplayed()).isTrue();
        assertThat(texts("#task-page .card .file-name")).containsExactly("лог принтера.txt");
        screenshot("fm-created-task");
        phoneScreenshot("fm-created-task-phone");

        driver.findElement(By.id("task-origin")).click();
        wait.until(ExpectedConditions.urlContains("/tasks/" + task.getNumber()));
        WebElement derived = driver.findElement(By.cssSelector("#message-" + message.getId()
                + " .message-derived-task"));
        assertThat(derived.getDomAttribute("href")).isEqualTo("/tasks/" + created);
        screenshot("fm-original-links-to-new-task");
        phoneScreenshot("fm-original-phone");
        signOut();

        signIn(contact);
        driver.get(url("/tasks/" + task.getNumber()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));
        assertThat(driver.findElements(By.cssSelector(".message-derived-task"))).isEmpty();
        assertThat(driver.getPageSource()).contains(CLIENT_MESSAGE).doesNotContain("/tasks/" + created + "\"");
        screenshot("fm-client-sees-no-internal-task");
    }

    /**
     * Brings the element into view at once before clicking: Bootstrap makes scrolling smooth, and a click
     * while the page still glides lands outside the window.
     */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void changeInPanel(String selectId, String value) {
        new Select(driver.findElement(By.id(selectId))).selectByValue(value);
    }

    private void someoneElseSetsPriority(Priority priority) {
        Task current = tasks.visibleTask(Viewer.of(manager), task.getNumber());
        tasks.edit(Viewer.of(manager), task.getNumber(), new TaskEdit(priority, null, null, null, category.getId(),
                null, current.getClient().getId(), contact.getId(), null, null, null, null), current.getVersion());
    }

    /** A marker on the window: a full page load would drop it, an htmx swap keeps it. */
    private void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.pageMarker = 'still here';");
    }

    private boolean pageWasNotReloaded() {
        return "still here".equals(((JavascriptExecutor) driver).executeScript("return window.pageMarker;"));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void signIn(Person person) {
        browser.signIn(person, Fixtures.PASSWORD, "sign-in-" + person.getRole().name().toLowerCase());
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
}
