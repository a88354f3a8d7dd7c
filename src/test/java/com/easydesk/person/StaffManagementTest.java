package com.easydesk.person;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.easydesk.category.Category;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The director manages staff; role changes and deactivations reach open sessions at their next request. */
@IntegrationTest
class StaffManagementTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    PersonService people;

    Person director;

    @BeforeEach
    void setUp() {
        director = fixtures.staff(Role.DIRECTOR);
    }

    @Nested
    class Members {

        @Test
        void directorInvitesAManagerWhoGetsTheInvitationMail() throws Exception {
            String email = Fixtures.email("new-manager");

            MockHttpServletResponse response = asDirector(post("/staff").param("fullName", "Новый Менеджер")
                    .param("email", email).param("role", "MANAGER").param("jobTitle", "Руководитель поддержки")
                    .param("timeZone", "Asia/Novosibirsk"));

            assertThat(response.getRedirectedUrl()).isEqualTo("/staff");
            Person member = people.findByEmail(email).orElseThrow();
            assertThat(member.getRole()).isEqualTo(Role.MANAGER);
            assertThat(member.getZone().getId()).isEqualTo("Asia/Novosibirsk");
            assertThat(member.hasPassword()).isFalse();
            assertThat(Inbox.body(Inbox.of(email).awaitSubject("Приглашение"))).contains(director.getFullName());
        }

        @Test
        void anAddressAContactAlreadyUsesCannotBeGivenToStaff() throws Exception {
            Person contact = fixtures.contact(fixtures.client());

            MockHttpServletResponse response = asDirector(post("/staff").param("fullName", "Занятый Адрес")
                    .param("email", contact.getEmail()).param("role", "EMPLOYEE").param("timeZone", "Europe/Moscow"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(text(response)).contains("Этот адрес уже занят");
        }

        @Test
        void aClientRoleCannotBeGivenThroughTheStaffForm() throws Exception {
            String email = Fixtures.email("not-staff");

            MockHttpServletResponse response = asDirector(post("/staff").param("fullName", "Не сотрудник")
                    .param("email", email).param("role", "CLIENT_CONTACT").param("timeZone", "Europe/Moscow"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(people.findByEmail(email)).isEmpty();
        }

        @Test
        void theListSearchesByNameAndShowsDeactivatedMembers() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            people.deactivate(Viewer.of(director), Team.STAFF, employee.getId());

            String page = text(asDirector(get("/staff").param("q", employee.getFullName())));

            assertThat(page).contains(employee.getFullName(), "Отключён");
        }

        @Test
        void directorCannotDeactivateOrDemoteThemselves() throws Exception {
            MockHttpServletResponse deactivation = asDirector(post("/staff/" + director.getId() + "/deactivate"));
            MockHttpServletResponse demotion = asDirector(post("/staff/" + director.getId())
                    .param("fullName", director.getFullName()).param("email", director.getEmail())
                    .param("role", "EMPLOYEE").param("timeZone", "Europe/Moscow"));

            assertThat(deactivation.getRedirectedUrl()).isEqualTo("/staff");
            assertThat(text(demotion)).contains("Свою роль изменить нельзя");
            assertThat(people.get(director.getId()).isActive()).isTrue();
            assertThat(people.get(director.getId()).getRole()).isEqualTo(Role.DIRECTOR);
        }

        @Test
        void aContactIsNotFoundUnderStaff() throws Exception {
            Person contact = fixtures.contact(fixtures.client());

            assertThat(asDirector(get("/staff/" + contact.getId() + "/edit")).getStatus()).isEqualTo(404);
            assertThat(asDirector(post("/staff/" + contact.getId() + "/deactivate")).getStatus()).isEqualTo(404);
            assertThat(people.get(contact.getId()).isActive()).isTrue();
        }
    }

    @Nested
    class OpenSessions {

        @Test
        void aRoleChangeTakesEffectAtTheNextRequest() throws Exception {
            Person manager = fixtures.staff(Role.MANAGER);
            MockHttpSession session = signIn(manager);
            int before = mvc.perform(get("/clients").session(session)).andReturn().getResponse().getStatus();

            asDirector(post("/staff/" + manager.getId()).param("fullName", manager.getFullName())
                    .param("email", manager.getEmail()).param("role", "EMPLOYEE").param("timeZone", "Europe/Moscow"));

            assertThat(before).isEqualTo(200);
            assertThat(mvc.perform(get("/clients").session(session)).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
            assertThat(mvc.perform(get("/queue").session(session)).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
        }

        @Test
        void deactivationSignsTheOpenSessionOutAndSignInIsRefused() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            MockHttpSession session = signIn(employee);

            asDirector(post("/staff/" + employee.getId() + "/deactivate"));
            MockHttpServletResponse next = mvc.perform(get("/queue").session(session)).andReturn().getResponse();

            assertThat(next.getStatus()).isEqualTo(302);
            assertThat(next.getRedirectedUrl()).endsWith("/login");
            assertThat(session.isInvalid()).isTrue();
            mvc.perform(formLogin("/login").user(employee.getEmail()).password(Fixtures.PASSWORD))
                    .andExpect(unauthenticated());
        }

        @Test
        void deactivatingSomeoneWithOpenTasksSaysWhereToFindThem() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            Task task = fixtures.task(fixtures.contact(fixtures.client()), fixtures.category(employee));
            jdbc.update("update task set responsible_id = :person where id = :task",
                    Map.of("person", employee.getId(), "task", task.getId()));

            var result = mvc.perform(post("/staff/" + employee.getId() + "/deactivate")
                    .with(fixtures.as(director)).with(csrf())).andReturn();

            Map<String, Object> flash = result.getFlashMap();
            assertThat(flash).containsEntry("leftOpen", 1L)
                    .containsEntry("leftOpenLink", "/tasks?responsible=" + employee.getId());
            String page = text(mvc.perform(get("/staff").with(fixtures.as(director))
                    .flashAttrs(flash)).andReturn().getResponse());
            assertThat(page).contains("За ним остаются открытые задачи: 1.")
                    .contains("href=\"/tasks?responsible=" + employee.getId() + "\"");
            String list = text(mvc.perform(get("/tasks").with(fixtures.as(director))).andReturn().getResponse());
            String filter = list.substring(list.indexOf("id=\"filter-responsible\""),
                    list.indexOf("</select>", list.indexOf("id=\"filter-responsible\"")));
            assertThat(filter).contains("label=\"Отключённые, с открытыми задачами\"")
                    .contains("<option value=\"" + employee.getId() + "\">" + employee.getFullName() + "</option>");
            String rowChoices = list.substring(list.indexOf("<template id=\"staff-options\""),
                    list.indexOf("</template>", list.indexOf("<template id=\"staff-options\"")));
            assertThat(rowChoices).as("nobody reassigns a task to them").doesNotContain(employee.getFullName());
        }

        @Test
        void reactivatedMemberSignsInAgain() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            asDirector(post("/staff/" + employee.getId() + "/deactivate"));

            asDirector(post("/staff/" + employee.getId() + "/reactivate"));

            assertThat(signIn(employee)).isNotNull();
        }
    }

    @Nested
    class DeactivatedStaff {

        @Test
        void isOfferedNowhereAsResponsibleButStaysOnTheirTasks() throws Exception {
            Person employee = fixtures.staff(Role.EMPLOYEE);
            Person manager = fixtures.staff(Role.MANAGER);
            Category category = fixtures.category(employee);
            Task task = fixtures.task(fixtures.contact(fixtures.client()), category);

            people.deactivate(Viewer.of(director), Team.STAFF, employee.getId());

            assertThat(people.activeStaff()).extracting(Person::getId).doesNotContain(employee.getId());
            String taskPage = text(mvc.perform(get("/tasks/" + task.getNumber()).with(fixtures.as(manager)))
                    .andReturn().getResponse());
            assertThat(taskPage).contains(employee.getFullName());
            // Only the staff choices: another select (statuses, clients) may well have an option of the same id.
            Matcher staffChoices = Pattern.compile("(?s)<select[^>]*(?:name=\"(?:responsibleId|addObserverId)\""
                    + "|id=\"coExecutorId\")[^>]*>.*?</select>").matcher(taskPage);
            int choices = 0;
            while (staffChoices.find()) {
                choices++;
                assertThat(staffChoices.group())
                        .doesNotContainPattern("<option value=\"" + employee.getId() + "\"(?![^>]*disabled)");
            }
            assertThat(choices).as("the page's staff choices").isPositive();
            MockHttpServletResponse reassign = mvc.perform(post("/tasks/" + task.getNumber() + "/responsible")
                    .param("responsibleId", employee.getId().toString())
                    .param("version", String.valueOf(task.getVersion())).with(fixtures.as(manager)).with(csrf()))
                    .andReturn().getResponse();
            assertThat(reassign.getStatus()).isEqualTo(404);
            String categoryForm = text(mvc.perform(get("/categories/" + category.getId() + "/edit")
                    .with(fixtures.as(manager))).andReturn().getResponse());
            assertThat(categoryForm).doesNotContain(employee.getFullName());
            Task fresh = fixtures.task(fixtures.contact(fixtures.client()), category);
            assertThat(fresh.getResponsible()).isNull();
        }
    }

    private MockHttpSession signIn(Person person) throws Exception {
        var result = mvc.perform(formLogin("/login").user(person.getEmail()).password(Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of " + person.getEmail()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private MockHttpServletResponse asDirector(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.as(director)).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
