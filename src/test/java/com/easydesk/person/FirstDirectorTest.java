package com.easydesk.person;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation gets its first director from {@code EASYDESK_DIRECTOR_EMAIL}, invited to choose a password;
 * an installation that has one is left alone. Each test runs in a transaction that is rolled back, so that the
 * shared test database can be shown without a director for a moment.
 */
@IntegrationTest
@Transactional
class FirstDirectorTest {

    @Autowired
    FirstDirector firstDirector;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void withoutAnActiveDirectorTheAddressBecomesOneAndIsInvited() {
        jdbc.update("update person set active = false where role = 'DIRECTOR'", Map.of());
        String email = "Owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        Person director = firstDirector.appoint(email, "  Ольга Первая ");

        assertThat(director.getRole()).isEqualTo(Role.DIRECTOR);
        assertThat(director.getEmail()).isEqualTo(email.toLowerCase());
        assertThat(director.getFullName()).isEqualTo("Ольга Первая");
        assertThat(jdbc.queryForObject("select count(*) from password_link where person_id = :id and "
                + "purpose = 'INVITATION'", Map.of("id", director.getId()), Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_mail where recipient = :email",
                Map.of("email", director.getEmail()), Integer.class)).isEqualTo(1);
        assertThat(firstDirector.appoint("second-" + email, "Второй")).as("one is enough").isNull();
    }

    @Test
    void anInstallationWithADirectorGetsNoOther() {
        fixtures.staff(Role.DIRECTOR);
        String email = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        assertThat(firstDirector.appoint(email, "Лишний")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from person where email = :email", Map.of("email", email),
                Integer.class)).isZero();
    }
}
