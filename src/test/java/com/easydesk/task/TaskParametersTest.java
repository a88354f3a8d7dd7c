package com.easydesk.task;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff create tasks with every parameter of the brief and change them from the task page: dates in the
 * right time zones, checked ids, refusals next to the field, conflicts that show the current values.
 */
@IntegrationTest
class TaskParametersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    OpenWork openWork;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person employee;
    Person manager;
    Category category;
    Client client;
    Person contact;
    Person colleague;
    Person foreignContact;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        manager = fixtures.staff(Role.MANAGER);
        category = fixtures.category(employee);
        client = fixtures.client();
        contact = fixtures.contact(client);
        colleague = fixtures.contact(client);
        foreignContact = fixtures.contact(fixtures.client());
    }

    @Nested
    class StaffCreateTasks {

        @Test
        void everyParameterOfTheBriefIsStoredAndTheClientSeesTheTask() throws Exception {
            Person coExecutor = fixtures.staff(Role.EMPLOYEE);

            long number = created(newTask(manager, "Перенести почту на новый сервер")
                    .param("categoryId", category.getId().toString())
                    .param("priority", "HIGH")
                    .param("startDate", "2030-03-01")
                    .param("deadlineDate", "2030-03-05")
                    .param("responsibleId", employee.getId().toString())
                    .param("coExecutorId", coExecutor.getId().toString())
                    .param("observerId", manager.getId().toString())
                    .param("clientId", client.getId().toString())
                    .param("contactId", contact.getId().toString()));

            Task task = asStaff(number);
            assertThat(task.getPriority()).isEqualTo(Priority.HIGH);
            assertThat(task.getStartDate()).hasToString("2030-03-01");
            assertThat(task.getResponsible().getId()).isEqualTo(employee.getId());
            assertThat(task.getCoExecutor().getId()).isEqualTo(coExecutor.getId());
            assertThat(task.getObservers()).extracting(Person::getId).containsExactly(manager.getId());
            assertThat(task.getClient().getId()).isEqualTo(client.getId());
            assertThat(task.getContact().getId()).isEqualTo(contact.getId());
            assertThat(task.getAuthor().getId()).isEqualTo(manager.getId());
            assertThat(task.isInternal()).isFalse();
            assertThat(tasks.clientListFor(Viewer.of(contact), false, null, false, PageRequest.of(0, 10)))
                    .extracting(Task::getNumber).containsExactly(number);
        }

        @Test
        void dateOnlyDeadlineIsTheEndOfThatDayInTheProvidersTimeZone() throws Exception {
            Person inNovosibirsk = fixtures.staffIn(Role.EMPLOYEE, ZoneId.of("Asia/Novosibirsk"));

            long number = created(newTask(inNovosibirsk, "Сдать отчёт").param("deadlineDate", "2030-03-05"));

            Task task = asStaff(number);
            assertThat(task.getDeadline()).isEqualTo(Instant.parse("2030-03-05T20:59:59Z"));
            assertThat(task.isDeadlineHasTime()).isFalse();
        }

        @Test
        void deadlineWithTimeIsReadInTheTimeZoneOfWhoeverTypedIt() throws Exception {
            Person inNovosibirsk = fixtures.staffIn(Role.EMPLOYEE, ZoneId.of("Asia/Novosibirsk"));

            long number = created(newTask(inNovosibirsk, "Созвон").param("deadlineDate", "2030-03-05")
                    .param("deadlineTime", "10:30"));

            Task task = asStaff(number);
            assertThat(task.getDeadline()).isEqualTo(Instant.parse("2030-03-05T03:30:00Z"));
            assertThat(task.isDeadlineHasTime()).isTrue();
        }

        @Test
        void contactAloneBringsTheirClient() throws Exception {
            long number = created(newTask(employee, "По звонку клиента")
                    .param("contactId", contact.getId().toString()));

            assertThat(asStaff(number).getClient().getId()).isEqualTo(client.getId());
        }

        @Test
        void withoutResponsibleTheCategoryDecides() throws Exception {
            long number = created(newTask(manager, "По категории").param("categoryId", category.getId().toString()));

            assertThat(asStaff(number).getResponsible().getId()).isEqualTo(employee.getId());
        }

        @Test
        void clientCannotSetStaffParametersOrMakeItInternal() throws Exception {
            long number = created(newTask(contact, "От клиента").param("categoryId", category.getId().toString())
                    .param("priority", "CRITICAL").param("internal", "true")
                    .param("responsibleId", manager.getId().toString())
                    .param("clientId", foreignContact.getClientId().toString()));

            Task task = asStaff(number);
            assertThat(task.getPriority()).isEqualTo(Priority.NORMAL);
            assertThat(task.isInternal()).isFalse();
            assertThat(task.getResponsible().getId()).isEqualTo(employee.getId());
            assertThat(task.getClient().getId()).isEqualTo(client.getId());
        }

        @Test
        void doubleSubmitCreatesOneTask() throws Exception {
            String key = UUID.randomUUID().toString();
            long first = created(newTask(manager, "Дважды от менеджера").param("submissionKey", key));
            long second = created(newTask(manager, "Дважды от менеджера").param("submissionKey", key));

            assertThat(second).isEqualTo(first);
            assertThat(tasksBy(manager)).isEqualTo(1);
        }
    }

    @Nested
    class BadInputIsRefusedNextToTheFieldAndStoresNothing {

        @Test
        void emptyTitle() throws Exception {
            refused(newTask(manager, " "), "Укажите название задачи.");
        }

        @Test
        void startAfterDeadline() throws Exception {
            refused(newTask(manager, "Наоборот").param("startDate", "2030-03-06").param("deadlineDate", "2030-03-05"),
                    "Дата начала позже срока.");
        }

        @Test
        void timeWithoutDate() throws Exception {
            refused(newTask(manager, "Без даты").param("deadlineTime", "10:00"),
                    "Укажите дату срока или уберите время.");
        }

        @Test
        void contactOfAnotherClient() throws Exception {
            refused(newTask(manager, "Чужой контакт").param("clientId", client.getId().toString())
                    .param("contactId", foreignContact.getId().toString()), "Этот контакт работает у другого клиента.");
        }

        @Test
        void responsibleWhoIsNotStaff() throws Exception {
            refused(newTask(manager, "Клиент ответственный").param("responsibleId", contact.getId().toString()),
                    "Выберите сотрудника из списка.");
        }

        @Test
        void unknownIds() throws Exception {
            refused(newTask(manager, "Нет такого").param("clientId", "987654321"), "Такого клиента нет");
            refused(newTask(manager, "Нет такого").param("contactId", "987654321"), "Такого контакта нет");
            refused(newTask(manager, "Нет такого").param("coExecutorId", "987654321"),
                    "Выберите сотрудника из списка.");
            refused(newTask(manager, "Нет такого").param("categoryId", "987654321"), "Такой категории нет");
        }

        @Test
        void responsibleAlsoCoExecutor() throws Exception {
            refused(newTask(manager, "Один за двоих").param("responsibleId", employee.getId().toString())
                    .param("coExecutorId", employee.getId().toString()),
                    "Ответственный не может быть и соисполнителем.");
        }

        @Test
        void aYearOutOfReach() throws Exception {
            refused(newTask(manager, "Древний срок").param("deadlineDate", "0001-01-01"),
                    "Укажите дату между 2000 и 2099 годом.");
            refused(newTask(manager, "Далёкое начало").param("startDate", "2202-03-01"),
                    "Укажите дату между 2000 и 2099 годом.");
        }

        @Test
        void notADate() throws Exception {
            refused(newTask(manager, "Кривая дата").param("deadlineDate", "завтра"), "Неверное значение.");
        }

        private void refused(AbstractMockHttpServletRequestBuilder<?> request, String explanation) throws Exception {
            long before = tasksBy(manager);

            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains(explanation).contains("is-invalid");
            assertThat(tasksBy(manager)).isEqualTo(before);
        }
    }

    @Nested
    class EditingOnTheTaskPage {

        Task task;

        @BeforeEach
        void clientTask() {
            task = fixtures.task(contact, category);
        }

        @Test
        void htmxChangeAnswersWithThePanelAndTheNewHistoryEntry() throws Exception {
            long before = task.getVersion();

            MockHttpServletResponse response = edit(employee, Map.of("priority", "CRITICAL",
                    "deadlineDate", "2030-03-05", "deadlineTime", "18:00", "startDate", "2030-03-01"), true);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString())
                    .contains("id=\"task-properties\"")
                    .contains("id=\"timeline\" hx-swap-oob=\"true\"")
                    .contains("Критический")
                    .doesNotContain("<html");
            Task changed = asStaff(task.getNumber());
            assertThat(changed.getPriority()).isEqualTo(Priority.CRITICAL);
            assertThat(changed.getDeadline()).isEqualTo(Instant.parse("2030-03-05T15:00:00Z"));
            assertThat(changed.getStartDate()).hasToString("2030-03-01");
            assertThat(changed.getVersion()).isGreaterThan(before);
        }

        @Test
        void theContactChoiceOffersTheTasksClientsContactsAndFollowsAnotherClient() throws Exception {
            String page = mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(employee)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(">" + colleague.getFullName() + "</option>")
                    .doesNotContain(foreignContact.getFullName());

            MockHttpServletResponse moved = edit(employee, Map.of("clientId",
                    foreignContact.getClientId().toString()), true);

            assertThat(moved.getContentAsString()).contains(">" + foreignContact.getFullName() + "</option>")
                    .doesNotContain(">" + colleague.getFullName() + "</option>");
        }

        @Test
        void unchangedValuesRecordNoHistory() throws Exception {
            edit(employee, Map.of(), true);

            assertThat(tasks.historyOf(Viewer.of(employee), task)).isEmpty();
        }

        @Test
        void staleVersionAnswersConflictWithTheCurrentValues() throws Exception {
            long seen = task.getVersion();
            edit(manager, Map.of("priority", "HIGH"), true);

            MockHttpServletResponse response = editSeen(seen, employee, Map.of("priority", "LOW"), true);

            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getHeader("HX-Retarget")).isEqualTo("#task-properties");
            assertThat(response.getContentAsString()).contains("id=\"edit-conflict\"")
                    .containsPattern("<option value=\"HIGH\" selected=\"selected\">");
            assertThat(asStaff(task.getNumber()).getPriority()).isEqualTo(Priority.HIGH);
        }

        @Test
        void staleStatusChangeFromHtmxAlsoShowsTheCurrentValues() throws Exception {
            long seen = task.getVersion();
            fixtures.moveTo(task, "in_progress", manager);
            long waiting = tasks.selectableStatuses().stream().filter(s -> s.getCode().equals("waiting"))
                    .findFirst().orElseThrow().getId();

            MockHttpServletResponse response = mvc.perform(post("/tasks/{n}/status", task.getNumber())
                            .param("statusId", String.valueOf(waiting)).param("version", String.valueOf(seen))
                            .header("HX-Request", "true").with(fixtures.as(employee)).with(csrf()))
                    .andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getHeader("HX-Retarget")).isEqualTo("#task-properties");
            assertThat(response.getContentAsString()).contains("id=\"edit-conflict\"")
                    .containsPattern("selected=\"selected\">В работе</option>");
            assertThat(asStaff(task.getNumber()).getStatus().getCode()).isEqualTo("in_progress");
        }

        @Test
        void staleVersionWithoutHtmxShowsTheConflictPage() throws Exception {
            long seen = task.getVersion();
            edit(manager, Map.of("priority", "HIGH"), false);

            MockHttpServletResponse response = editSeen(seen, employee, Map.of("priority", "LOW"), false);

            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getContentAsString()).contains("Задачу уже изменили");
        }

        @Test
        void refusedValueIsExplainedAndChangesNothing() throws Exception {
            long before = task.getVersion();

            MockHttpServletResponse response = edit(employee, Map.of("priority", "HIGH",
                    "contactId", foreignContact.getId().toString()), true);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("Этот контакт работает у другого клиента.");
            Task unchanged = asStaff(task.getNumber());
            assertThat(unchanged.getPriority()).isEqualTo(Priority.NORMAL);
            assertThat(unchanged.getVersion()).isEqualTo(before);
        }

        @Test
        void changingTheClientLetsTheOldContactAndWatchersGo() throws Exception {
            edit(employee, Map.of("addWatcherId", colleague.getId().toString()), true);
            Client other = fixtures.client();

            edit(employee, Map.of("clientId", other.getId().toString()), true);

            Task moved = asStaff(task.getNumber());
            assertThat(moved.getClient().getId()).isEqualTo(other.getId());
            assertThat(moved.getContact()).isNull();
            assertThat(moved.getWatchers()).isEmpty();
        }

        @Test
        void observersAndWatchersComeAndGo() throws Exception {
            edit(employee, Map.of("addObserverId", manager.getId().toString()), true);
            edit(employee, Map.of("addWatcherId", colleague.getId().toString()), true);
            assertThat(asStaff(task.getNumber()).getObservers()).extracting(Person::getId)
                    .containsExactly(manager.getId());
            assertThat(asStaff(task.getNumber()).getWatchers()).extracting(Person::getId)
                    .containsExactly(colleague.getId());

            edit(employee, Map.of("removeObserverId", manager.getId().toString(),
                    "removeWatcherId", colleague.getId().toString()), true);

            assertThat(asStaff(task.getNumber()).getObservers()).isEmpty();
            assertThat(asStaff(task.getNumber()).getWatchers()).isEmpty();
        }

        @Test
        void watcherFollowsTheTaskLikeTheContact() throws Exception {
            assertThat(tasks.clientListFor(Viewer.of(colleague), false, null, false, PageRequest.of(0, 10))).isEmpty();

            edit(employee, Map.of("addWatcherId", colleague.getId().toString()), true);

            assertThat(tasks.clientListFor(Viewer.of(colleague), false, null, false, PageRequest.of(0, 10)))
                    .extracting(Task::getNumber).containsExactly(task.getNumber());
            assertThat(tasks.visibleTask(Viewer.of(colleague), task.getNumber()).getNumber())
                    .isEqualTo(task.getNumber());
        }

        @Test
        void onlyAContactOfTheTasksClientCanWatch() throws Exception {
            MockHttpServletResponse response = edit(employee,
                    Map.of("addWatcherId", foreignContact.getId().toString()), true);

            assertThat(response.getContentAsString())
                    .contains("Наблюдателем может быть только контакт клиента этой задачи.");
            assertThat(asStaff(task.getNumber()).getWatchers()).isEmpty();
        }

        @Test
        void coExecutorWorksTheTaskInTheirQueue() throws Exception {
            Person coExecutor = fixtures.staff(Role.EMPLOYEE);

            edit(employee, Map.of("coExecutorId", coExecutor.getId().toString()), true);

            assertThat(openWork.page(coExecutor.getId(), QueueGroup.UPCOMING, Instant.now(), ZoneId.of("UTC"), 0, 10))
                    .extracting(QueueRow::number, QueueRow::coExecutor).containsExactly(tuple(task.getNumber(), true));
        }

        @Test
        void makingTheCoExecutorResponsibleLeavesNoCoExecutor() throws Exception {
            Person coExecutor = fixtures.staff(Role.EMPLOYEE);
            edit(employee, Map.of("coExecutorId", coExecutor.getId().toString()), true);

            Task current = asStaff(task.getNumber());
            tasks.assignResponsible(Viewer.of(manager), task.getNumber(), coExecutor.getId(), current.getVersion());

            Task after = asStaff(task.getNumber());
            assertThat(after.getResponsible().getId()).isEqualTo(coExecutor.getId());
            assertThat(after.getCoExecutor()).isNull();
        }

        /** Posts the panel as the page shows it now, with these values changed. */
        private MockHttpServletResponse edit(Person staff, Map<String, String> changes, boolean htmx)
                throws Exception {
            return editSeen(asStaff(task.getNumber()).getVersion(), staff, changes, htmx);
        }

        /** Posts the panel as someone who loaded the page at this version. */
        private MockHttpServletResponse editSeen(long version, Person staff, Map<String, String> changes,
                boolean htmx) throws Exception {
            Task current = asStaff(task.getNumber());
            Map<String, String> panel = new LinkedHashMap<>();
            panel.put("version", String.valueOf(version));
            panel.put("priority", current.getPriority().name());
            panel.put("categoryId", current.getCategory() == null ? "" : current.getCategory().getId().toString());
            panel.put("clientId", current.getClient() == null ? "" : current.getClient().getId().toString());
            panel.put("contactId", current.getContact() == null ? "" : current.getContact().getId().toString());
            panel.putAll(changes);
            AbstractMockHttpServletRequestBuilder<?> request = post("/tasks/{n}/properties", task.getNumber());
            panel.forEach((name, value) -> request.param(name, value));
            if (htmx) {
                request.header("HX-Request", "true");
            }
            MockHttpServletResponse response = mvc.perform(request.with(fixtures.as(staff)).with(csrf()))
                    .andReturn().getResponse();
            task = asStaff(task.getNumber());
            return response;
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> newTask(Person author, String title) {
        return multipart("/tasks").param("title", title).with(fixtures.as(author)).with(csrf());
    }

    private long created(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Task asStaff(long number) {
        return tasks.visibleTask(Viewer.of(manager), number);
    }

    private long tasksBy(Person author) {
        return jdbc.queryForObject("select count(*) from task where author_id = :id", Map.of("id", author.getId()),
                Long.class);
    }
}
