package com.easydesk.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message written with every feature of the Markdown subset reads formatted on the task page, its link
 * opens in a new tab without telling the target anything; photographed at desktop and phone width (markdown-*).
 */
@IntegrationTest
class MarkdownBrowserTest {

    private static final String EVERY_FEATURE = """
            Здравствуйте! Это **важно**, а это *между прочим*.
            Вторая строка того же абзаца, и `код в строке`.

            Что сделать:
            - обновить **CMS**
            - проверить [сайт](https://example.com/status)
            - написать на support@example.com

            1. снять копию
            2. перенести базу

            > Клиент писал: «не работает форма».
            > И ещё одна строка цитаты.

            ```
            server {
                listen 443 ssl;
            }
            ```

            # не заголовок, <b>не жирный</b>, ![не картинка](https://example.com/a.png)""";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    Person contact;
    Person employee;
    Category category;

    @BeforeEach
    void setUp() throws IOException {
        contact = fixtures.contact(fixtures.client());
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        browser = new Browser(port, "markdown");
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void aMessageWithEveryFeatureReadsFormatted() {
        Task task = fixtures.titledTask(contact, category, "Перенос сайта", "Описание с **жирным** словом.");
        fixtures.message(employee, task, EVERY_FEATURE, false);

        browser.signIn(contact, Fixtures.PASSWORD, "client-login");
        browser.open("/tasks/" + task.getNumber());
        String message = "#conversation .message .rich-text ";

        assertThat(browser.texts("#task-description strong")).containsExactly("жирным");
        assertThat(browser.texts(message + "strong")).containsExactly("важно", "CMS");
        assertThat(browser.texts(message + "em")).containsExactly("между прочим");
        assertThat(browser.driver().findElements(By.cssSelector(message + "p br"))).isNotEmpty();
        assertThat(browser.texts(message + "ul > li")).hasSize(3);
        assertThat(browser.texts(message + "ol > li")).containsExactly("снять копию", "перенести базу");
        assertThat(browser.find(message + "blockquote").getText()).contains("не работает форма");
        assertThat(browser.find(message + "pre code").getText()).contains("listen 443 ssl;");
        assertThat(browser.find(message + "a[href='https://example.com/status']").getDomAttribute("rel"))
                .contains("noopener").contains("noreferrer").contains("nofollow");
        assertThat(browser.find(message + "a[href^='mailto:']").getText()).isEqualTo("support@example.com");
        assertThat(browser.driver().findElements(By.cssSelector(message + "h1, " + message + "img, "
                + message + "b"))).isEmpty();
        assertThat(browser.find("#conversation .message .rich-text > p:last-child").getText())
                .startsWith("# не заголовок, <b>не жирный</b>, не картинка");

        browser.driver().executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
                message);
        browser.screenshot("message-every-feature");
        browser.phoneScreenshot("message-every-feature-phone");
    }
}
