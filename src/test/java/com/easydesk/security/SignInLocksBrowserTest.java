package com.easydesk.security;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.support.Browser;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a locked-out contact is told to wait even with the right password, the director
 * finds the lock on «Блокировки входа» and lifts it, and the contact signs in. Screenshots of both pages go to
 * target/screenshots/sign-in-locks-*.
 */
@IntegrationTest
class SignInLocksBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PersonService people;

    @Autowired
    AccessThrottle throttle;

    @Test
    void theDirectorLiftsALockAndTheLockedOutContactSignsIn() throws IOException {
        Client client = fixtures.client();
        Person olga = people.register(new Person(Fixtures.email("olga"), "Ольга Смирнова", Role.CLIENT_CONTACT,
                client.getId()), Fixtures.PASSWORD);
        Person director = people.register(new Person(Fixtures.email("director"), "Дмитрий Орлов", Role.DIRECTOR,
                null), Fixtures.PASSWORD);
        for (int failure = 1; failure <= 10; failure++) {
            throttle.signInFailed(olga.getEmail(), "192.0.2.44");
            throttle.signInFailed(Fixtures.email("guess"), "203.0.113.9");
        }

        try (Browser browser = new Browser(port, "sign-in-locks")) {
            browser.open("/login");
            browser.find("#username").sendKeys(olga.getEmail());
            browser.find("#password").sendKeys(Fixtures.PASSWORD);
            browser.click("#sign-in");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-held-back")));
            assertThat(browser.find("#sign-in-held-back").getText()).contains("Вход временно заблокирован");
            browser.screenshot("sign-in-after-lockout");
            browser.phoneScreenshot("sign-in-after-lockout-phone");

            browser.signIn(director, Fixtures.PASSWORD, "director-signs-in");
            browser.open("/settings/sign-in-locks");
            assertThat(browser.texts(".sign-in-lock")).anySatisfy(lock -> assertThat(lock)
                    .contains(olga.getEmail(), "Ольга Смирнова", "Вход заблокирован до"));
            assertThat(browser.texts(".sign-in-lock")).anySatisfy(lock -> assertThat(lock)
                    .contains("203.0.113.9", "Вход замедлен"));
            browser.screenshot("director-sees-the-locks");
            browser.phoneScreenshot("director-sees-the-locks-phone");

            browser.click("[data-subject='" + olga.getEmail() + "'] button[type=submit]");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(browser.find("#notice").getText()).contains("Ограничение снято");
            browser.screenshot("lock-lifted");
            browser.signOut();

            browser.signIn(olga, Fixtures.PASSWORD, "olga-signs-in");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
        }
    }
}
