package com.easydesk.person;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.easydesk.client.Client;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A client supervisor manages the contacts of their own company, and of no other. */
@IntegrationTest
class SupervisorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PersonService people;

    Client company;
    Person supervisor;

    @BeforeEach
    void setUp() {
        company = fixtures.client();
        supervisor = fixtures.supervisor(company);
    }

    @Test
    void supervisorInvitesAColleagueIntoTheirOwnCompany() throws Exception {
        String email = Fixtures.email("colleague");

        MockHttpServletResponse response = send(supervisor, post("/company/contacts").param("fullName", "Коллега Новый")
                .param("email", email).param("jobTitle", "Менеджер по закупкам"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/profile");
        Person colleague = people.findByEmail(email).orElseThrow();
        assertThat(colleague.getClientId()).isEqualTo(company.getId());
        assertThat(colleague.isSupervisor()).isFalse();
        assertThat(Inbox.body(Inbox.of(email).awaitSubject("Приглашение"))).contains(supervisor.getFullName());
        assertThat(text(send(supervisor, get("/profile")))).contains("Коллега Новый", "Приглашение не принято");
    }

    @Test
    void supervisorDeactivatesAColleagueWhoseOpenSessionEndsAtOnce() throws Exception {
        Person colleague = fixtures.contact(company);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(colleague.getEmail())
                .password(Fixtures.PASSWORD)).andReturn().getRequest().getSession(false);

        send(supervisor, post("/company/contacts/" + colleague.getId() + "/deactivate"));

        assertThat(people.get(colleague.getId()).isActive()).isFalse();
        assertThat(mvc.perform(get("/tasks").session(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void anotherCompanysContactIsNotFound() throws Exception {
        Person stranger = fixtures.contact(fixtures.client());

        for (String action : new String[] { "deactivate", "reactivate", "invitation" }) {
            assertThat(send(supervisor, post("/company/contacts/" + stranger.getId() + "/" + action)).getStatus())
                    .as(action).isEqualTo(404);
        }
        assertThat(people.get(stranger.getId()).isActive()).isTrue();
    }

    @Test
    void staffAreNotFoundAmongTheCompanysContacts() throws Exception {
        Person employee = fixtures.staff(Role.EMPLOYEE);

        assertThat(send(supervisor, post("/company/contacts/" + employee.getId() + "/deactivate")).getStatus())
                .isEqualTo(404);
        assertThat(people.get(employee.getId()).isActive()).isTrue();
    }

    @Test
    void aContactWithoutTheSupervisorFlagCannotManage() throws Exception {
        Person contact = fixtures.contact(company);
        Person colleague = fixtures.contact(company);

        assertThat(send(contact, get("/company/contacts/new")).getStatus()).isEqualTo(403);
        assertThat(send(contact, post("/company/contacts/" + colleague.getId() + "/deactivate")).getStatus())
                .isEqualTo(403);
        assertThat(people.get(colleague.getId()).isActive()).isTrue();
    }

    @Test
    void supervisorCannotDeactivateThemselves() throws Exception {
        MockHttpServletResponse response = send(supervisor,
                post("/company/contacts/" + supervisor.getId() + "/deactivate"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/profile");
        assertThat(people.get(supervisor.getId()).isActive()).isTrue();
    }

    @Test
    void losingTheSupervisorFlagEndsTheRightsAtTheNextRequest() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(supervisor.getEmail())
                .password(Fixtures.PASSWORD)).andReturn().getRequest().getSession(false);
        int before = mvc.perform(get("/company/contacts/new").session(session)).andReturn().getResponse().getStatus();
        Person manager = fixtures.staff(Role.MANAGER);

        people.changeContact(Viewer.of(manager), company.getId(), supervisor.getId(), new ContactDetails(
                supervisor.getFullName(), supervisor.getEmail(), "", "", false), company.getId());

        assertThat(before).isEqualTo(200);
        assertThat(mvc.perform(get("/company/contacts/new").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    private MockHttpServletResponse send(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.as(person)).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
