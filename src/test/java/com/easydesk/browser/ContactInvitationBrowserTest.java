package com.easydesk.browser;

import java.io.IOException;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager invites a client contact in a real headless Chromium; the contact follows the link from the
 * e-mail GreenMail received, chooses a password, signs in for the first time and finds their company in
 * the profile. Then the director's and manager's other people pages are walked for screenshots.
 */
@IntegrationTest
class ContactInvitationBrowserTest {

    private static final String CONTACT_NAME = "Марина Кузнецова";
    private static final String PASSWORD = "первый вход в EasyDesk";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void setUp(TestInfo info) throws IOException {
        boolean invitation = info.getTestMethod().orElseThrow().getName().startsWith("invited");
        browser = new Browser(port, invitation ? "people-invitation" : "people-pages");
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void tearDown() throws IOException {
        browser.close();
    }

    @Test
    void invitedContactFollowsTheMailedLinkChoosesAPasswordAndSignsIn() {
        Person manager = fixtures.staff(Role.MANAGER);
        Client client = fixtures.client();
        fixtures.supervisor(client);
        String email = Fixtures.email("marina");

        signIn(manager.getEmail(), Fixtures.PASSWORD);
        findClient(client);
        inviteContact(email);
        signOut();

        MimeMessage invitation = Inbox.of(email).awaitSubject("Приглашение в EasyDesk");
        String link = Inbox.passwordLink(invitation).replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + port);
        driver.get(link);
        assertThat(driver.findElement(By.id("password-title")).getText()).isEqualTo("Добро пожаловать в EasyDesk");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("confirmation")).sendKeys(PASSWORD);
        browser.screenshot("choose-password");
        browser.phoneScreenshot("choose-password-phone");
        driver.findElement(By.id("save-password")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-set")));
        browser.screenshot("password-set");

        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlToBe(url("/tasks")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Мои задачи");
        driver.findElement(By.id("user-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-profile"))).click();
        wait.until(ExpectedConditions.urlToBe(url("/profile")));
        assertThat(driver.findElement(By.id("company-name")).getText()).isEqualTo(client.getName());
        assertThat(driver.findElement(By.id("profile-email")).getText()).isEqualTo(email);
        browser.screenshot("contact-profile");
        browser.phoneScreenshot("contact-profile-phone");

        driver.get(link);
        assertThat(driver.findElement(By.id("link-state")).getText()).contains("По этой ссылке пароль уже задан");
        browser.screenshot("link-used");
    }

    @Test
    void staffPagesShowWhatTheRoleManages() {
        Person director = fixtures.staff(Role.DIRECTOR);
        fixtures.invitedStaff(director, Role.EMPLOYEE);
        Client client = fixtures.client();
        fixtures.contact(client);
        fixtures.category(fixtures.staff(Role.EMPLOYEE));

        signIn(director.getEmail(), Fixtures.PASSWORD);
        for (String page : new String[] { "staff", "clients", "categories" }) {
            if (!page.equals("clients")) {
                driver.findElement(By.id("nav-settings")).click();
            }
            wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-" + page))).click();
            wait.until(ExpectedConditions.urlToBe(url("/" + page)));
            browser.screenshot(page);
            browser.phoneScreenshot(page + "-phone");
        }
        driver.get(url("/staff/new"));
        browser.screenshot("staff-form");
        driver.get(url("/clients/" + client.getId() + "/edit"));
        browser.screenshot("client-form");
        browser.phoneScreenshot("client-form-phone");
        driver.get(url("/profile"));
        assertThat(driver.findElements(By.id("company"))).isEmpty();
        browser.screenshot("director-profile");
    }

    private void findClient(Client client) {
        driver.findElement(By.id("nav-clients")).click();
        wait.until(ExpectedConditions.urlToBe(url("/clients")));
        WebElement search = driver.findElement(By.id("client-search"));
        search.sendKeys(client.getName());
        // htmx swaps the results in place as one types: only the searched company stays.
        wait.until(page -> driver.findElements(By.cssSelector(".client-row")).size() == 1);
        browser.screenshot("clients-search");
        driver.findElement(By.cssSelector(".client-row[data-id='" + client.getId() + "']")).click();
        wait.until(ExpectedConditions.urlToBe(url("/clients/" + client.getId())));
        assertThat(driver.findElement(By.id("client-name")).getText()).isEqualTo(client.getName());
    }

    private void inviteContact(String email) {
        driver.findElement(By.id("invite-contact")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-form")));
        driver.findElement(By.id("fullName")).sendKeys(CONTACT_NAME);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("phone")).sendKeys("+7 912 345-67-89");
        driver.findElement(By.id("jobTitle")).sendKeys("Главный бухгалтер");
        browser.screenshot("invite-contact");
        browser.phoneScreenshot("invite-contact-phone");
        driver.findElement(By.id("save-contact")).click();

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains(email);
        WebElement row = driver.findElement(By.cssSelector(".contact-row[data-email='" + email + "']"));
        assertThat(row.findElement(By.className("person-name")).getText()).isEqualTo(CONTACT_NAME);
        assertThat(row.findElement(By.className("person-pending")).getText()).isEqualTo("Приглашение не принято");
        browser.screenshot("contact-invited");
        browser.phoneScreenshot("contact-invited-phone");
    }

    private void signIn(String email, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        driver.findElement(By.id("user-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
