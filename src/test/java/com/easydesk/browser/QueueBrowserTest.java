package com.easydesk.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.queue.QueueService;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.NewTask;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskDetails;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee lands on their queue, opens the folded group and asks for more rows, both through htmx; a client
 * supervisor narrows the company's list to one contact. Both pages are photographed at 1280 px and as a phone.
 */
@IntegrationTest
class QueueBrowserTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Browser browser;
    Person manager;
    Person employee;
    Client client;

    @BeforeEach
    void setUp() throws IOException {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staffIn(Role.EMPLOYEE, MOSCOW);
        client = fixtures.client();
        browser = new Browser(port, "queue");
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void anEmployeeWorksTheQueueAndOpensWhatIsFoldedAway() {
        LocalDate today = LocalDate.now(MOSCOW);
        plan("Сайт не открывается с мобильных", Priority.CRITICAL, today.minusDays(1), null, null);
        plan("Продлить SSL-сертификат", Priority.HIGH, today.minusDays(3), null, null);
        plan("Выгрузить счета в 1С", Priority.NORMAL, today, null, null);
        plan("Созвон по доработке каталога", Priority.HIGH, null, today, null);
        for (int i = 1; i <= QueueService.PAGE_SIZE + 2; i++) {
            plan("Обновить карточку товара №" + i, i % 5 == 0 ? Priority.HIGH : Priority.NORMAL,
                    today.plusDays(1 + i % 9), null, null);
        }
        plan("Уточнить у клиента реквизиты", Priority.NORMAL, today.plusDays(2), null, "waiting");
        plan("Переезд на новый тариф хостинга", Priority.LOW, null, null, "deferred");
        plan("Годовой отчёт по обращениям", Priority.NORMAL, today.plusDays(20), today.plusDays(10), null);

        browser.signIn(employee, Fixtures.PASSWORD, "employee-login");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/queue");
        assertThat(browser.texts("#queue-folded .queue-row")).isEmpty();
        assertThat(browser.texts("#queue-upcoming .queue-row")).hasSize(QueueService.PAGE_SIZE);
        browser.screenshot("queue-folded-group-closed");

        browser.click("#queue-folded > summary");
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-folded .queue-row"), 3));
        // Working order inside the group too: normal before low priority, a new task before a waiting one.
        assertThat(browser.texts("#queue-folded .queue-title")).containsExactly("Годовой отчёт по обращениям",
                "Уточнить у клиента реквизиты", "Переезд на новый тариф хостинга");

        browser.click("#queue-upcoming .queue-more");
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#queue-upcoming .queue-row"), QueueService.PAGE_SIZE + 2));
        assertThat(browser.texts("#queue-upcoming .queue-more")).isEmpty();
        browser.screenshot("queue-all-open");
        browser.phoneScreenshot("queue-phone");
    }

    @Test
    void aSupervisorSwitchesBetweenTheCompanysTasksAContactsAndTheirOwn() {
        Person employeeOnDuty = fixtures.staff(Role.EMPLOYEE);
        Category category = fixtures.category(employeeOnDuty);
        Person supervisor = fixtures.supervisor(client);
        Person accountant = fixtures.contact(client);
        Person office = fixtures.contact(client);
        fixtures.titledTask(accountant, category, "Не приходят письма из банка", "");
        fixtures.titledTask(accountant, category, "Настроить обмен с 1С", "");
        fixtures.titledTask(office, category, "Принтер в переговорной печатает полосами", "");
        Task own = fixtures.titledTask(supervisor, category, "Доступ к отчётам для нового директора", "");
        fixtures.moveTo(fixtures.titledTask(office, category, "Заменить картридж", ""), "closed", employeeOnDuty);
        fixtures.message(employeeOnDuty, own, "Доступ выдан, проверьте, пожалуйста.", false);

        browser.signIn(supervisor, Fixtures.PASSWORD, "supervisor-login");
        assertThat(browser.texts(".client-task .task-title")).containsExactly(
                "Доступ к отчётам для нового директора", "Принтер в переговорной печатает полосами",
                "Настроить обмен с 1С", "Не приходят письма из банка");
        browser.screenshot("client-list-company");
        browser.phoneScreenshot("client-list-phone");

        new Select(browser.find("#client-list-contact")).selectByVisibleText(accountant.getFullName());
        browser.waiting().until(ExpectedConditions.urlContains("contact=" + accountant.getId()));
        assertThat(browser.texts(".client-task .task-title")).containsExactly("Настроить обмен с 1С",
                "Не приходят письма из банка");
        browser.screenshot("client-list-one-contact");

        browser.click("#scope-own");
        browser.waiting().until(ExpectedConditions.urlContains("scope=own"));
        assertThat(browser.texts(".client-task .task-title")).containsExactly(
                "Доступ к отчётам для нового директора");
        browser.click("#tab-archive");
        browser.waiting().until(ExpectedConditions.urlContains("archive=true"));
        assertThat(browser.texts(".client-task .task-title")).isEmpty();
    }

    /** A task the manager plans for the employee, for the client; a status code moves it on. */
    private void plan(String title, Priority priority, LocalDate deadline, LocalDate start, String status) {
        Task task = tasks.submit(Viewer.of(manager), new NewTask(title, "", null, null, new TaskDetails(priority,
                deadline, null, start, employee.getId(), null, null, client.getId(), null, false)), List.of());
        if (status != null) {
            fixtures.moveTo(task, status, manager);
        }
    }
}
