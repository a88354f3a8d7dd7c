package com.easydesk.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An open page asks for the header's bell by itself every few seconds; that must not keep a session alive that
 * its person left. The session here times out after a minute.
 */
@IntegrationTest
class IdleSessionTest {

    private static final int TIMEOUT_SECONDS = 60;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Person employee;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        session = new MockHttpSession();
        session.setMaxInactiveInterval(TIMEOUT_SECONDS);
    }

    @Test
    void theBellLeavesTheTimeOfThePersonsLastRequestAlone() throws Exception {
        long lastActivity = System.currentTimeMillis() - 30_000;
        session.setAttribute(IdleSessionFilter.LAST_ACTIVITY, lastActivity);

        MockHttpServletResponse bell = perform(get("/notifications/badge").header("HX-Request", "true"));

        assertThat(bell.getStatus()).isEqualTo(200);
        assertThat(session.getAttribute(IdleSessionFilter.LAST_ACTIVITY)).isEqualTo(lastActivity);

        MockHttpServletResponse page = perform(get("/tasks"));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat((Long) session.getAttribute(IdleSessionFilter.LAST_ACTIVITY)).isGreaterThan(lastActivity);
    }

    @Test
    void theBellOfAPageLeftAloneTooLongEndsTheSessionAndStopsAsking() throws Exception {
        session.setAttribute(IdleSessionFilter.LAST_ACTIVITY, System.currentTimeMillis() - 61_000);

        MockHttpServletResponse bell = perform(get("/notifications/badge").header("HX-Request", "true"));

        assertThat(bell.getStatus()).as("htmx stops polling on 286").isEqualTo(286);
        assertThat(bell.getHeader("HX-Reswap")).isEqualTo("none");
        assertThat(bell.getContentAsString()).doesNotContain("nav-notifications");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPageAskedForAfterTheTimeoutGoesToSignIn() throws Exception {
        session.setAttribute(IdleSessionFilter.LAST_ACTIVITY, System.currentTimeMillis() - 61_000);

        MockHttpServletResponse page = perform(get("/tasks"));

        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/login");
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.session(session).with(fixtures.as(employee))).andReturn().getResponse();
    }
}
