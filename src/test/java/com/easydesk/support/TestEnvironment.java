package com.easydesk.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application under test at the test run's database and SMTP server. */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMail.server().getSmtp().getPort())
                .applyTo(context);
    }
}
