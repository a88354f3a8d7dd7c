package com.easydesk.task;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The client list (DESIGN.md §2.7): a contact's own and watched tasks, a supervisor's company, their own, or one
 * contact's; the archive; newest activity first. Filters never show more than the visibility rules allow.
 */
@IntegrationTest
class ClientListTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Person employee;
    Person supervisor;
    Person ivan;
    Person olga;
    Person stranger;

    /** Ivan's own task. */
    Task ivans;
    /** Olga's task that Ivan watches. */
    Task olgasWatchedByIvan;
    /** Olga's task that the supervisor watches. */
    Task olgasWatchedBySupervisor;
    /** The supervisor's own task. */
    Task supervisors;
    /** A task about Ivan's request that the company does not know about. */
    Task internal;
    /** Ivan's finished task. */
    Task closed;
    /** A task of another company. */
    Task foreign;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        Category category = fixtures.category(employee);
        Client company = fixtures.client();
        supervisor = fixtures.supervisor(company);
        ivan = fixtures.contact(company);
        olga = fixtures.contact(company);
        stranger = fixtures.contact(fixtures.client());

        ivans = fixtures.task(ivan, category);
        olgasWatchedByIvan = watchedBy(fixtures.task(olga, category), ivan);
        olgasWatchedBySupervisor = watchedBy(fixtures.task(olga, category), supervisor);
        supervisors = fixtures.task(supervisor, category);
        internal = tasks.submit(Viewer.of(employee), new NewTask("Внутренняя " + UUID.randomUUID(), "", null, null,
                new TaskDetails(Priority.NORMAL, null, null, null, employee.getId(), null, null, company.getId(),
                        ivan.getId(), true)), List.of());
        closed = fixtures.moveTo(fixtures.task(ivan, category), "closed", employee);
        foreign = fixtures.task(stranger, category);
    }

    @Nested
    class Contact {

        @Test
        void seesTheTasksTheyRequestedOrWatchAndTheClosedOnesInTheArchive() throws Exception {
            assertThat(shown(ivan, "/tasks")).containsExactlyInAnyOrder(ivans, olgasWatchedByIvan);
            assertThat(shown(ivan, "/tasks?archive=true")).containsExactly(closed);
        }

        @Test
        void filtersOfASupervisorChangeNothingForAPlainContact() throws Exception {
            for (String query : List.of("?contact=" + olga.getId(), "?contact=" + supervisor.getId(),
                    "?contact=" + stranger.getId(), "?scope=company", "?scope=own")) {
                assertThat(shown(ivan, "/tasks" + query)).as(query)
                        .containsExactlyInAnyOrder(ivans, olgasWatchedByIvan);
            }
            assertThat(body(ivan, "/tasks")).doesNotContain("id=\"client-list-filter\"");
        }

        @Test
        void showsNumberTitleResponsibleAndStatusNewestActivityFirst() throws Exception {
            fixtures.message(employee, ivans, "Ответ по задаче", false);

            String page = body(ivan, "/tasks");

            assertThat(page.indexOf(ivans.getTitle())).isLessThan(page.indexOf(olgasWatchedByIvan.getTitle()));
            String status = tasks.visibleTask(Viewer.of(employee), ivans.getNumber()).getStatus().getName();
            assertThat(page).contains("#" + ivans.getNumber(), employee.getFullName(), ">" + status + "<");
        }
    }

    @Nested
    class InternalActivity {

        @Test
        void anInternalMessageDoesNotMoveATaskUpAClientsList() throws Exception {
            fixtures.message(employee, olgasWatchedByIvan, "Посмотрели, ответим завтра", false);
            fixtures.message(employee, ivans, "Проверить логи сервера до ответа клиенту", true);

            String page = body(ivan, "/tasks");

            assertThat(page.indexOf(olgasWatchedByIvan.getTitle())).isLessThan(page.indexOf(ivans.getTitle()));
            Task seenByStaff = tasks.visibleTask(Viewer.of(employee), ivans.getNumber());
            assertThat(seenByStaff.getLastActivityAt()).isAfter(seenByStaff.getPublicActivityAt());
        }
    }

    @Nested
    class Supervisor {

        @Test
        void seesEveryTaskOfTheCompanyButInternalOnes() throws Exception {
            assertThat(shown(supervisor, "/tasks")).containsExactlyInAnyOrder(ivans, olgasWatchedByIvan,
                    olgasWatchedBySupervisor, supervisors);
            assertThat(shown(supervisor, "/tasks?archive=true")).containsExactly(closed);
        }

        @Test
        void switchesToTheTasksTheyRequestedOrWatch() throws Exception {
            assertThat(shown(supervisor, "/tasks?scope=own")).containsExactlyInAnyOrder(supervisors,
                    olgasWatchedBySupervisor);
            assertThat(shown(supervisor, "/tasks?scope=own&archive=true")).isEmpty();
        }

        @Test
        void narrowsTheCompanysTasksToOneContact() throws Exception {
            assertThat(shown(supervisor, "/tasks?contact=" + ivan.getId())).containsExactlyInAnyOrder(ivans,
                    olgasWatchedByIvan);
            assertThat(shown(supervisor, "/tasks?contact=" + olga.getId())).containsExactlyInAnyOrder(
                    olgasWatchedByIvan, olgasWatchedBySupervisor);
            assertThat(shown(supervisor, "/tasks?contact=" + ivan.getId() + "&archive=true")).containsExactly(closed);
        }

        @Test
        void aContactOfAnotherCompanyOrAnEmployeeIsNoFilterAtAll() throws Exception {
            List<Task> unfiltered = shown(supervisor, "/tasks");

            for (long id : new long[] { stranger.getId(), employee.getId(), 999_999_999L }) {
                assertThat(shown(supervisor, "/tasks?contact=" + id)).as("contact=" + id)
                        .containsExactlyElementsOf(unfiltered);
                assertThat(body(supervisor, "/tasks?contact=" + id)).as("contact=" + id)
                        .doesNotContain(foreign.getTitle(), stranger.getFullName(), "selected=\"selected\"");
            }
        }

        @Test
        void choosesAmongTheCompanysContactsOnly() throws Exception {
            String page = body(supervisor, "/tasks");

            assertThat(page).contains("id=\"client-list-filter\"", ivan.getFullName(), olga.getFullName())
                    .doesNotContain(stranger.getFullName());
        }
    }

    private Task watchedBy(Task task, Person watcher) {
        Task current = tasks.visibleTask(Viewer.of(employee), task.getNumber());
        var edit = new TaskEdit(current.getPriority(), null, null, null, current.getCategory().getId(), null,
                current.getClient().getId(), current.getContact().getId(), null, null, watcher.getId(), null);
        return tasks.edit(Viewer.of(employee), task.getNumber(), edit, current.getVersion());
    }

    /** The tasks of this test that the page lists, by title. */
    private List<Task> shown(Person viewer, String url) throws Exception {
        String page = body(viewer, url);
        return List.of(ivans, olgasWatchedByIvan, olgasWatchedBySupervisor, supervisors, internal, closed, foreign)
                .stream().filter(task -> page.contains(">" + task.getTitle() + "<")).toList();
    }

    private String body(Person viewer, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(fixtures.as(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }
}
