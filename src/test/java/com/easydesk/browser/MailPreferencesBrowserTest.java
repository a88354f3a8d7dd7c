package com.easydesk.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.Mailbox;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client switches off one kind of e-mail in the profile in headless Chromium: the page names every kind
 * in Russian, the choice is kept, and the other kinds still arrive. Screenshots of the staff and client
 * profile go to {@code target/screenshots}.
 */
@IntegrationTest
class MailPreferencesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Person employee;
    Person contact;
    Task task;
    Browser browser;

    @BeforeEach
    void setUp() throws IOException {
        employee = fixtures.staff(Role.EMPLOYEE);
        Category category = fixtures.category(employee);
        contact = fixtures.contact(fixtures.client());
        task = fixtures.task(contact, category);
        browser = new Browser(port, "mail-preferences");
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void clientSwitchesOffMessageMailAndStillHearsOfStatusChanges() {
        browser.signIn(contact, Fixtures.PASSWORD, "sign-in");
        browser.open("/profile");
        assertThat(browser.texts("#profile-form fieldset .form-check-label")).containsExactly(
                "О новых сообщениях в моих задачах", "Об изменении статуса моих задач",
                "О задачах, которые для меня создали, и о добавлении меня в наблюдатели");
        browser.click("#notifyMessages1");
        browser.screenshot("client-profile");
        browser.phoneScreenshot("client-profile-phone");
        browser.click("#save-profile");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.find("#notifyMessages1").isSelected()).isFalse();
        assertThat(browser.find("#notifyStatusChanges1").isSelected()).isTrue();

        fixtures.message(employee, task, "Письма об этом ответе не будет", false);
        fixtures.moveTo(task, "resolved", employee);

        Mailbox.await(contact, "status of #" + task.getNumber(),
                mail -> Mailbox.subject(mail).startsWith("[#" + task.getNumber() + "] Статус изменён"));
        assertThat(Mailbox.to(contact)).noneMatch(mail -> Mailbox.body(mail).contains("Письма об этом ответе"));
    }

    @Test
    void staffSeeTheirThreeKindsOfMail() {
        browser.signIn(employee, Fixtures.PASSWORD, "staff-sign-in");
        browser.open("/profile");

        assertThat(browser.texts("#profile-form fieldset .form-check-label")).containsExactly(
                "О новых сообщениях в моих задачах", "Об изменении статуса моих задач",
                "О новых задачах, назначении меня ответственным и добавлении в участники");
        assertThat(browser.driver().findElements(By.cssSelector("#profile-form fieldset .form-text"))).hasSize(1);
        browser.screenshot("staff-profile");
    }
}
