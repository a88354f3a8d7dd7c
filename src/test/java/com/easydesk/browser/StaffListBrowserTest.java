package com.easydesk.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
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
 * A manager works the staff list in a real browser: filters and sorting change the list and the address
 * bar, the back button returns to the view before, the status menu stays open while it is being ticked, and
 * a task is reassigned from its row. The list is photographed at desktop and phone width.
 */
@IntegrationTest
class StaffListBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    ClientService clients;

    @Autowired
    PersonService people;

    Browser browser;
    Person manager;
    Person anna;
    Person boris;
    Client client;
    Task urgent;
    Task calm;

    @BeforeEach
    void setUp() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        manager = fixtures.staff(Role.MANAGER);
        anna = people.register(new Person(Fixtures.email("anna"), "Анна Смирнова " + run, Role.EMPLOYEE, null),
                Fixtures.PASSWORD);
        boris = people.register(new Person(Fixtures.email("boris"), "Борис Орлов " + run, Role.EMPLOYEE, null),
                Fixtures.PASSWORD);
        client = clients.add(new Client("ООО Ромашка " + run));
        Client other = clients.add(new Client("ИП Лютик " + run));
        Category site = fixtures.category(anna);
        Person contact = fixtures.contact(client);

        urgent = task("Сайт не открывается у части клиентов", site, Priority.CRITICAL, client, contact, anna, boris,
                LocalDate.now().minusDays(1));
        calm = task("Обновить реквизиты в подвале сайта", site, Priority.LOW, client, contact, boris, null,
                LocalDate.now().plusDays(7));
        task("Настроить резервное копирование базы 1С", site, Priority.HIGH, client, contact, anna, null,
                LocalDate.now().plusDays(2));
        task("Выгрузка заказов в CRM падает по ночам", site, Priority.NORMAL, other, null, boris, anna, null);
        task("Подготовить договор на обслуживание", site, Priority.NORMAL, other, null, null, null,
                LocalDate.now().plusDays(14));
        browser = new Browser(port, "staff-list");
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void aManagerFiltersSortsGoesBackAndReassignsFromTheList() {
        browser.signIn(manager, Fixtures.PASSWORD, "manager-login");
        browser.open("/tasks");
        browser.screenshot("everything-open");

        new Select(browser.find("#filter-client")).selectByValue(client.getId().toString());
        awaitUrl("client=" + client.getId());
        awaitRows(3);
        browser.click("th.col-priority .sort-link");
        awaitUrl("sort=priority");
        assertThat(rowNumbers()).first().isEqualTo(urgent.getNumber());
        browser.screenshot("one-client-by-priority");

        // The status menu stays open while statuses are ticked, and each tick is in the address bar.
        browser.click("#status-filter-summary");
        browser.click("#status-filter .form-check-input:not(:checked)");
        awaitUrl("status=");
        assertThat(browser.find("#status-filter").getDomProperty("open")).isEqualTo("true");
        browser.screenshot("status-menu-open");
        browser.driver().navigate().back();
        awaitUrlWithout("status=");
        assertThat(browser.driver().getCurrentUrl()).contains("client=" + client.getId(), "sort=priority");
        assertThat(rowNumbers()).first().isEqualTo(urgent.getNumber());

        // Reassigning from the row: the row and the workload strip change without a reload.
        String annasCount = "#workload [data-person='" + anna.getId() + "'] .workload-count";
        int annasBefore = Integer.parseInt(browser.find(annasCount).getText());
        WebElement select = browser.find("#task-row-" + calm.getNumber() + " select[name=responsibleId]");
        // The row carries only its current responsible; using the select brings the other choices.
        assertThat(new Select(select).getOptions()).hasSize(1);
        select.click();
        new Select(select).selectByValue(anna.getId().toString());
        browser.waiting().until(driver -> new Select(driver.findElement(By.cssSelector(
                "#task-row-" + calm.getNumber() + " select[name=responsibleId]"))).getFirstSelectedOption()
                .getText().equals(anna.getFullName()));
        browser.waiting().until(driver -> driver.findElement(By.cssSelector(annasCount)).getText()
                .equals(String.valueOf(annasBefore + 1)));
        browser.screenshot("reassigned");

        browser.click("#workload [data-person='" + boris.getId() + "'] .workload-open");
        awaitUrl("responsible=" + boris.getId());
        awaitRows(1);
        browser.open("/tasks?client=" + client.getId());
        browser.phoneScreenshot("phone-cards");
    }

    private Task task(String title, Category category, Priority priority, Client of, Person contact,
            Person responsible, Person coExecutor, LocalDate deadline) {
        var details = new TaskDetails(priority, deadline, null, null,
                responsible == null ? null : responsible.getId(), coExecutor == null ? null : coExecutor.getId(), null,
                of.getId(),
                contact == null ? null : contact.getId(), false);
        return tasks.submit(Viewer.of(manager), new NewTask(title, "Описание", category.getId(), null, details),
                List.of());
    }

    private void awaitUrl(String part) {
        browser.waiting().until(ExpectedConditions.urlContains(part));
    }

    private void awaitUrlWithout(String part) {
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains(part)));
    }

    private void awaitRows(int count) {
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("tr.task-list-row")).size() == count);
    }

    private List<Long> rowNumbers() {
        return browser.driver().findElements(By.cssSelector("tr.task-list-row")).stream()
                .map(row -> Long.valueOf(row.getDomAttribute("data-number"))).toList();
    }
}
