package com.easydesk.task;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.category.Category;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Statuses as a manager keeps them and as tasks move through them. Tests add statuses of their own (of the
 * waiting kind, which nothing picks automatically) and only ever retire those, since all tests share the set.
 */
@IntegrationTest
class StatusesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    StatusService statuses;

    Person manager;
    Person employee;
    Person contact;
    Category category;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staff(Role.EMPLOYEE);
        contact = fixtures.contact(fixtures.client());
        category = fixtures.category(employee);
    }

    @Nested
    class ManagerKeepsTheSet {

        @Test
        void addsRenamesRecoloursAndReorders() throws Exception {
            String name = unique("Ждёт поставщика");
            mvc.perform(post("/settings/statuses").param("name", name).param("kind", "WAITING")
                            .param("color", "DANGER").with(fixtures.as(manager)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            TaskStatus added = find(name);
            assertThat(added.getKind()).isEqualTo(StatusKind.WAITING);
            assertThat(added.getColor()).isEqualTo("danger");
            int before = indexOf(added);

            String renamed = unique("Ждёт запчастей");
            mvc.perform(post("/settings/statuses/{id}", added.getId()).param("name", renamed).param("color", "INFO")
                    .param("kind", "CLOSED").with(fixtures.as(manager)).with(csrf()));
            mvc.perform(post("/settings/statuses/{id}/position", added.getId()).param("up", "true")
                    .with(fixtures.as(manager)).with(csrf()));

            TaskStatus changed = find(renamed);
            assertThat(changed.getId()).isEqualTo(added.getId());
            assertThat(changed.getColor()).isEqualTo("info");
            assertThat(changed.getKind()).as("the kind is fixed").isEqualTo(StatusKind.WAITING);
            assertThat(indexOf(changed)).isEqualTo(before - 1);
        }

        @Test
        void emptyNameIsRefusedAndChangesNothing() throws Exception {
            TaskStatus own = statuses.add(Viewer.of(manager), unique("Свой"), StatusKind.WAITING, StatusColor.INFO);

            mvc.perform(post("/settings/statuses/{id}", own.getId()).param("name", "  ").param("color", "DARK")
                            .header("HX-Request", "true").with(fixtures.as(manager)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Укажите название статуса.")));

            assertThat(find(own.getName()).getColor()).isEqualTo("info");
        }

        @Test
        void aNameTakenInAnyCaseOrSpacingIsRefused() throws Exception {
            String name = unique("Ждём ответа");
            statuses.add(Viewer.of(manager), name, StatusKind.WAITING, StatusColor.INFO);
            long before = statuses.all(Viewer.of(manager)).size();

            mvc.perform(post("/settings/statuses").param("name", "  " + name.toLowerCase() + " ")
                            .param("kind", "WAITING").param("color", "INFO")
                            .header("HX-Request", "true").with(fixtures.as(manager)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Статус с таким названием уже есть.")));

            assertThat(statuses.all(Viewer.of(manager))).hasSize((int) before);
        }

        @Test
        void theLastStatusOfAKindCannotRetire() throws Exception {
            long resolvedKinds = statuses.all(Viewer.of(manager)).stream()
                    .filter(s -> s.getKind() == StatusKind.RESOLVED && s.isActive()).count();
            assertThat(resolvedKinds).isEqualTo(1);
            TaskStatus resolved = tasks.selectableStatuses().stream()
                    .filter(s -> s.getKind() == StatusKind.RESOLVED).findFirst().orElseThrow();

            mvc.perform(post("/settings/statuses/{id}/active", resolved.getId()).param("active", "false")
                            .with(fixtures.as(manager)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("последний статус своего вида")));

            assertThat(find(resolved.getName()).isActive()).isTrue();
        }

        @Test
        void employeesCannotReachIt() throws Exception {
            mvc.perform(get("/settings/statuses").with(fixtures.as(employee))).andExpect(status().isForbidden());
            assertThatThrownBy(() -> statuses.all(Viewer.of(employee))).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class RetiredStatus {

        @Test
        void staysReadableOnItsTasksButCannotBeChosen() throws Exception {
            String name = unique("Ждёт склада");
            TaskStatus own = statuses.add(Viewer.of(manager), name, StatusKind.WAITING, StatusColor.WARNING);
            Task task = fixtures.task(contact, category);
            tasks.changeStatus(Viewer.of(employee), task.getNumber(), own.getId(), current(task).getVersion());
            Task other = fixtures.task(contact, category);

            statuses.setActive(Viewer.of(manager), own.getId(), false);

            mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(contact)))
                    .andExpect(content().string(containsString(name)));
            mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(employee)))
                    .andExpect(content().string(containsString("selected=\"selected\">" + name)));
            mvc.perform(get("/tasks/{n}", other.getNumber()).with(fixtures.as(employee)))
                    .andExpect(content().string(not(containsString(name))));
            assertThatThrownBy(() -> tasks.changeStatus(Viewer.of(employee), other.getNumber(), own.getId(),
                    current(other).getVersion())).isInstanceOf(NotFoundException.class);
        }

        @Test
        void historyKeepsTheNameAStatusHadThen() {
            String name = unique("Было так");
            TaskStatus own = statuses.add(Viewer.of(manager), name, StatusKind.WAITING, StatusColor.WARNING);
            Task task = fixtures.task(contact, category);
            tasks.changeStatus(Viewer.of(employee), task.getNumber(), own.getId(), current(task).getVersion());

            statuses.change(Viewer.of(manager), own.getId(), unique("Стало иначе"), StatusColor.WARNING);

            assertThat(tasks.historyOf(Viewer.of(contact), current(task))).extracting(TaskChange::getNewValue)
                    .containsExactly(name);
        }
    }

    @Nested
    class Transitions {

        Task task;

        @BeforeEach
        void clientTask() {
            task = fixtures.task(contact, category);
        }

        @Test
        void nothingReturnsToNewAndAClosedTaskCanOnlyBeReopened() {
            fixtures.moveTo(task, "in_progress", employee);
            assertThatThrownBy(() -> fixtures.moveTo(task, "new", employee)).isInstanceOf(NotFoundException.class);

            fixtures.moveTo(task, "closed", employee);
            assertThatThrownBy(() -> fixtures.moveTo(task, "resolved", employee))
                    .isInstanceOf(NotFoundException.class);
            assertThat(tasks.statusChoices(Viewer.of(employee), current(task))).extracting(TaskStatus::getKind)
                    .containsOnly(StatusKind.CLOSED, StatusKind.ACTIVE);

            fixtures.moveTo(task, "in_progress", employee);
            assertThat(current(task).getStatus().getCode()).isEqualTo("in_progress");
        }

        @Test
        void clientAcceptsAResolvedTaskWhichCloses() throws Exception {
            fixtures.moveTo(task, "resolved", employee);
            mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(contact)))
                    .andExpect(content().string(containsString("id=\"accept-task\"")));

            mvc.perform(post("/tasks/{n}/accept", task.getNumber()).param("version",
                            String.valueOf(current(task).getVersion())).with(fixtures.as(contact)).with(csrf()))
                    .andExpect(status().is3xxRedirection());

            assertThat(current(task).getStatus().getKind()).isEqualTo(StatusKind.CLOSED);
            assertThat(tasks.historyOf(Viewer.of(contact), current(task))).last()
                    .satisfies(change -> assertThat(change.getActor().getId()).isEqualTo(contact.getId()));
        }

        @Test
        void clientReopensAResolvedTaskByWritingWhatIsWrong() throws Exception {
            fixtures.moveTo(task, "resolved", employee);

            mvc.perform(multipart("/tasks/{n}/messages", task.getNumber()).param("body", "Всё ещё не работает")
                    .with(fixtures.as(contact)).with(csrf())).andExpect(status().is3xxRedirection());

            assertThat(current(task).getStatus().getKind()).isEqualTo(StatusKind.ACTIVE);
            mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(contact)))
                    .andExpect(content().string(containsString("Всё ещё не работает")))
                    .andExpect(content().string(containsString("data-field=\"STATUS\"")))
                    .andExpect(content().string(not(containsString("id=\"accept-task\""))));
        }

        @Test
        void acceptingATaskThatIsNotResolvedIsAConflict() throws Exception {
            mvc.perform(post("/tasks/{n}/accept", task.getNumber()).param("version",
                            String.valueOf(current(task).getVersion())).with(fixtures.as(contact)).with(csrf()))
                    .andExpect(status().isConflict());

            assertThat(current(task).getStatus().getKind()).isEqualTo(StatusKind.NEW);
        }

        @Test
        void rulesOnTheTaskItself() {
            assertThat(Task.allowsMove(StatusKind.NEW, StatusKind.CLOSED, true)).isTrue();
            assertThat(Task.allowsMove(StatusKind.RESOLVED, StatusKind.NEW, true)).isFalse();
            assertThat(Task.allowsMove(StatusKind.CLOSED, StatusKind.RESOLVED, true)).isFalse();
            assertThat(Task.allowsMove(StatusKind.ACTIVE, StatusKind.RESOLVED, false)).isFalse();
            assertThat(Task.allowsMove(StatusKind.RESOLVED, StatusKind.CLOSED, false)).isTrue();
            assertThat(Task.allowsMove(StatusKind.RESOLVED, StatusKind.ACTIVE, false)).isTrue();
            assertThat(Task.allowsMove(StatusKind.WAITING, StatusKind.ACTIVE, false)).isTrue();
            assertThat(Task.allowsMove(StatusKind.WAITING, StatusKind.CLOSED, false)).isFalse();
        }
    }

    private Task current(Task task) {
        return tasks.visibleTask(Viewer.of(manager), task.getNumber());
    }

    private TaskStatus find(String name) {
        return statuses.all(Viewer.of(manager)).stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private int indexOf(TaskStatus status) {
        List<TaskStatus> all = statuses.all(Viewer.of(manager));
        return all.stream().map(TaskStatus::getId).toList().indexOf(status.getId());
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
