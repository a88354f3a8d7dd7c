package com.easydesk.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client types into the header's search field, sees matching tasks appear as they type (never a task
 * found only through an internal message), and opens one with the keyboard; the results page and the director's index
 * page are photographed for people to look at.
 */
@IntegrationTest
class SearchBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    Person supervisor;
    Person employee;
    Category category;

    @BeforeEach
    void setUp() throws IOException {
        Client client = fixtures.client();
        supervisor = fixtures.supervisor(client);
        employee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(employee);
        browser = new Browser(port, "search");
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void aClientFindsATaskAsTheyTypeAndOpensIt() {
        Task contract = fixtures.titledTask(supervisor, category, "Договор на обслуживание сайта",
                "Подготовьте договор на год, с <b>приложением</b> и актами.");
        fixtures.message(employee, contract, "Пришлите, пожалуйста, реквизиты для договора.", false);
        Task other = fixtures.titledTask(supervisor, category, "Обновить цены в каталоге", "Прайс во вложении.");
        fixtures.message(employee, other, "Договорились с подрядчиком о скидке, клиенту не говорим.", true);

        browser.signIn(supervisor, Fixtures.PASSWORD, "client-login");
        WebElement field = browser.find("#header-search");
        field.sendKeys("догово");
        WebElement hit = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#header-search-results .search-hit[data-number='" + contract.getNumber() + "']")));
        assertThat(hit.findElement(By.cssSelector(".search-title mark")).getText()).isEqualTo("Договор");
        assertThat(browser.texts("#header-search-results .search-hit .task-number"))
                .containsExactly("#" + contract.getNumber());
        browser.screenshot("dropdown-while-typing");

        // The keyboard way: the arrow moves from the field into the results, Enter opens the task.
        field.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("data-number"))
                .isEqualTo(String.valueOf(contract.getNumber()));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/tasks/" + contract.getNumber())));
        assertThat(browser.find("#task-title").getText()).isEqualTo("Договор на обслуживание сайта");

        WebElement again = browser.find("#header-search");
        again.sendKeys("реквизиты договора" + Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/search?q="));
        assertThat(browser.texts("#search-results .search-hit .task-number"))
                .containsExactly("#" + contract.getNumber());
        assertThat(browser.find("#search-results .search-snippet").getText())
                .contains("реквизиты для договора");
        browser.screenshot("results-page");
        browser.phoneScreenshot("results-page-phone");
    }

    @Test
    void theDirectorRebuildsTheIndexAndSeesItFinish() {
        Person director = fixtures.staff(Role.DIRECTOR);
        browser.signIn(director, Fixtures.PASSWORD, "director-login");
        browser.click("#nav-settings");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("nav-search-index"))).click();

        browser.click("#rebuild-index");
        // The page before the click also says the index is ready; the count shows only once a rebuild ran.
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("index-count")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("index-state"),
                "Индекс готов"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rebuild-index")));
        assertThat(browser.find("#index-count").getText()).startsWith("Обработано документов");
        browser.screenshot("index-rebuilt");

        browser.find("#header-search").sendKeys("договор" + Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("search-responsible")));
        browser.screenshot("staff-results-with-filters");
        browser.phoneScreenshot("staff-results-phone");
    }
}
