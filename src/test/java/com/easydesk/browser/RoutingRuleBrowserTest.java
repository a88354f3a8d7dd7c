package com.easydesk.browser;

import java.io.IOException;

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
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A manager writes a routing rule on the settings page, previews it, and it routes a client's new task. */
@IntegrationTest
class RoutingRuleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    Person manager;
    Person specialist;
    Person contact;
    Client client;
    Category category;

    @BeforeEach
    void setUp() throws IOException {
        manager = fixtures.staff(Role.MANAGER);
        specialist = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(fixtures.staff(Role.EMPLOYEE));
        client = fixtures.client();
        contact = fixtures.contact(client);
        browser = new Browser(port, "routing");
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void ruleCreatedOnTheSettingsPageRoutesTheClientsNextTask() {
        String ruleName = "Клиент " + client.getName() + " — специалисту";
        browser.signIn(manager, Fixtures.PASSWORD, "manager-login");
        browser.click("#nav-settings");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("nav-routing"))).click();
        browser.click("#new-rule");

        browser.find("#name").sendKeys(ruleName);
        new Select(browser.find("#clientIds")).selectByValue(String.valueOf(client.getId()));
        new Select(browser.find("#categoryIds")).selectByValue(String.valueOf(category.getId()));
        new Select(browser.find("#action")).selectByValue("ASSIGN");
        new Select(browser.find("#employeeIds")).selectByValue(String.valueOf(specialist.getId()));
        new Select(browser.find("#priority")).selectByValue("HIGH");
        browser.screenshot("rule-form");
        browser.click("#save-rule");

        browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/routing")));
        assertThat(browser.texts("#rules .routing-rule a.fw-semibold")).contains(ruleName);

        new Select(browser.find("#preview-client")).selectByValue(String.valueOf(client.getId()));
        new Select(browser.find("#preview-category")).selectByValue(String.valueOf(category.getId()));
        browser.click("#preview-submit");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-result"),
                specialist.getFullName()));
        assertThat(browser.find("#preview-result").getText()).contains(ruleName);
        browser.screenshot("rules-with-preview");
        browser.phoneScreenshot("rules-phone");
        browser.signOut();

        browser.signIn(contact, Fixtures.PASSWORD, "client-login");
        browser.open("/tasks/new");
        browser.find("#title").sendKeys("Проверка маршрутизации");
        new Select(browser.find("#categoryId")).selectByValue(String.valueOf(category.getId()));
        browser.click("#create-task");
        browser.waiting().until(ExpectedConditions.urlMatches("/tasks/\\d+$"));

        assertThat(browser.find("#task-responsible").getText()).isEqualTo(specialist.getFullName());
        assertThat(browser.find("#task-page").getText()).contains("Высокий");
        browser.screenshot("routed-task");
    }
}
