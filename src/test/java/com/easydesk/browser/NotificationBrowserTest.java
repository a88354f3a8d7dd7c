package com.easydesk.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.client.Client;
import com.easydesk.notification.NotificationArea;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;
import com.easydesk.task.TaskEdit;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people in two headless Chromiums: while the employee's page stays open, the client answers in the task,
 * and the employee's bell shows it without a reload; the employee opens it from «Новые сообщения» and answers,
 * the client's bell follows, and each sees who has read their message. Screenshots go to
 * {@code target/screenshots}.
 */
@IntegrationTest
class NotificationBrowserTest {

    private static final String QUESTION = "После переезда не приходят письма с формы заказа. Посмотрите, пожалуйста.";
    private static final String ANSWER = "Проверили: почтовый сервер отклонял письма. Исправили, проверьте ещё раз.";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NotificationArea area;

    @Autowired
    TaskService tasks;

    Person employee;
    Person contact;
    Task task;

    Browser staffSide;
    Browser clientSide;

    @BeforeEach
    void setUp() throws IOException {
        employee = fixtures.staff(Role.EMPLOYEE);
        Client client = fixtures.client();
        contact = fixtures.contact(client);
        Person colleague = fixtures.contact(client);
        task = fixtures.titledTask(contact, fixtures.category(employee), "Не приходят письма с сайта",
                "С понедельника заявки с сайта не доходят до почты отдела продаж.");
        // A colleague of the client watches too, so that each message has two recipients to read it.
        Task current = tasks.visibleTask(Viewer.of(employee), task.getNumber());
        tasks.edit(Viewer.of(employee), task.getNumber(), new TaskEdit(current.getPriority(), null, null, null,
                current.getCategory().getId(), null, client.getId(), contact.getId(), null, null, colleague.getId(),
                null), current.getVersion());
        fixtures.message(employee, task, "Посмотрю сегодня до обеда.", false);
        area.markAllRead(Viewer.of(employee));
        area.markAllRead(Viewer.of(contact));

        staffSide = new Browser(port, "notifications");
        clientSide = new Browser(port, "notifications-client");
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (staffSide != null) {
                staffSide.close();
            }
        } finally {
            if (clientSide != null) {
                clientSide.close();
            }
        }
    }

    @Test
    void theBellFollowsNewMessagesWhileThePageStaysOpenAndTheAuthorSeesWhoReadThem() {
        staffSide.signIn(employee, Fixtures.PASSWORD, "sign-in");
        staffSide.open("/tasks");
        markPage(staffSide);
        assertThat(staffSide.driver().findElements(By.id("notification-count"))).isEmpty();
        staffSide.screenshot("bell-without-badge");

        clientSide.signIn(contact, Fixtures.PASSWORD, "sign-in");
        reply(clientSide, QUESTION);

        staffSide.waiting().until(ExpectedConditions.textToBe(By.id("notification-count"), "1"));
        assertThat(pageWasNotReloaded(staffSide)).as("the badge changed without a reload").isTrue();
        staffSide.screenshot("bell-with-badge");
        staffSide.phoneScreenshot("bell-with-badge-phone");

        staffSide.click("#nav-notifications");
        staffSide.waiting().until(ExpectedConditions.urlToBe(staffSide.url("/notifications")));
        assertThat(staffSide.texts(".notification-unread .notification-text")).containsExactly(QUESTION);
        staffSide.screenshot("notification-area");
        staffSide.phoneScreenshot("notification-area-phone");

        staffSide.click(".notification-unread");
        staffSide.waiting().until(ExpectedConditions.urlContains("/tasks/" + task.getNumber() + "#message-"));
        assertThat(staffSide.driver().findElements(By.id("notification-count"))).isEmpty();
        markPage(clientSide);
        reply(staffSide, ANSWER);

        clientSide.waiting().until(ExpectedConditions.textToBe(By.id("notification-count"), "1"));
        assertThat(pageWasNotReloaded(clientSide)).as("the client's badge changed without a reload").isTrue();
        clientSide.open("/tasks/" + task.getNumber());
        openReceipts(clientSide, QUESTION);
        assertThat(receiptsOf(clientSide, QUESTION)).contains(employee.getFullName(), "✓✓", "не прочитано");
        clientSide.screenshot("client-sees-who-read");
        clientSide.phoneScreenshot("client-sees-who-read-phone");

        staffSide.open("/tasks/" + task.getNumber());
        openReceipts(staffSide, ANSWER);
        assertThat(receiptsOf(staffSide, ANSWER)).contains(contact.getFullName(), "✓✓", "не прочитано");
        staffSide.screenshot("staff-sees-who-read");
        staffSide.phoneScreenshot("staff-sees-who-read-phone");
    }

    private void reply(Browser browser, String text) {
        if (!browser.driver().getCurrentUrl().contains("/tasks/" + task.getNumber())) {
            browser.open("/tasks/" + task.getNumber());
        }
        browser.find("#body").sendKeys(text);
        browser.click("#send-reply");
        browser.waiting().until(page -> browser.texts("#timeline .message-body").contains(text));
    }

    /** Opens the list of readers; a message with one recipient shows its only line at once. */
    private void openReceipts(Browser browser, String messageText) {
        String summary = messageSelector(browser, messageText) + " .receipts summary";
        if (!browser.driver().findElements(By.cssSelector(summary)).isEmpty()) {
            browser.click(summary);
        }
    }

    private String receiptsOf(Browser browser, String messageText) {
        return browser.find(messageSelector(browser, messageText) + " .receipt-list").getText();
    }

    private static String messageSelector(Browser browser, String messageText) {
        return "#" + browser.driver().findElements(By.cssSelector("#timeline article.message")).stream()
                .filter(article -> article.findElement(By.cssSelector(".message-body")).getText().equals(messageText))
                .findFirst().orElseThrow().getDomAttribute("id");
    }

    /** A marker on the window: a full page load would drop it, an htmx swap keeps it. */
    private static void markPage(Browser browser) {
        browser.driver().executeScript("window.pageMarker = 'still here';");
    }

    private static boolean pageWasNotReloaded(Browser browser) {
        return "still here".equals(browser.driver().executeScript("return window.pageMarker;"));
    }
}
