package com.easydesk.task;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.easydesk.category.Category;
import com.easydesk.message.Message;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every change of a task is recorded (who, when, from, to) and shown between the messages. */
@IntegrationTest
class HistoryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    Person manager;
    Person employee;
    Person contact;
    Category category;
    Task task;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staff(Role.EMPLOYEE);
        contact = fixtures.contact(fixtures.client());
        category = fixtures.category(employee);
        task = fixtures.task(contact, category);
    }

    @Test
    void everyChangeSaysWhoWhenFromWhatToWhat() {
        edit(Priority.CRITICAL, LocalDate.of(2030, 3, 5), manager.getId());
        fixtures.moveTo(task, "in_progress", employee);

        var history = tasks.historyOf(Viewer.of(manager), current());

        assertThat(history).extracting(TaskChange::getField)
                .containsExactly(TaskField.PRIORITY, TaskField.DEADLINE, TaskField.OBSERVER, TaskField.STATUS);
        assertThat(history).extracting(TaskChange::getOldValue).containsExactly("NORMAL", null, null, "Новая");
        assertThat(history).extracting(TaskChange::getNewValue)
                .containsExactly("CRITICAL", "2030-03-05", manager.getFullName(), "В работе");
        assertThat(history).extracting(change -> change.getActor().getId())
                .containsExactly(manager.getId(), manager.getId(), manager.getId(), employee.getId());
        assertThat(history).allSatisfy(change -> assertThat(change.getChangedAt()).isNotNull());
    }

    @Test
    void clientsSeeOnlyEntriesAboutWhatTheyCanSee() throws Exception {
        Person observer = fixtures.staff(Role.MANAGER);
        edit(Priority.HIGH, null, observer.getId());

        assertThat(tasks.historyOf(Viewer.of(contact), current())).extracting(TaskChange::getField)
                .containsExactly(TaskField.PRIORITY);
        assertThat(page(contact)).contains("data-field=\"PRIORITY\"").doesNotContain("data-field=\"OBSERVER\"")
                .doesNotContainPattern(Pattern.quote(observer.getFullName()) + "(?!\\d)");
        assertThat(page(employee)).contains("data-field=\"OBSERVER\"");
    }

    @Test
    void changesStandBetweenTheMessagesInTheOrderTheyHappened() throws Exception {
        Message before = fixtures.message(contact, task, "Сначала вопрос", false);
        fixtures.moveTo(task, "waiting", employee);
        Message after = fixtures.message(employee, task, "Потом ответ", false);
        TaskChange change = tasks.historyOf(Viewer.of(contact), current()).get(0);

        String page = page(contact);

        int first = page.indexOf("id=\"message-" + before.getId() + "\"");
        int middle = page.indexOf("id=\"change-" + change.getId() + "\"");
        int last = page.indexOf("id=\"message-" + after.getId() + "\"");
        assertThat(first).isPositive();
        assertThat(middle).isGreaterThan(first);
        assertThat(last).isGreaterThan(middle);
    }

    private void edit(Priority priority, LocalDate deadline, Long addObserverId) {
        Task current = current();
        tasks.edit(Viewer.of(manager), task.getNumber(), new TaskEdit(priority, deadline, null, null,
                category.getId(), null, current.getClient().getId(), contact.getId(), addObserverId, null, null, null),
                current.getVersion());
    }

    private String page(Person viewer) throws Exception {
        return mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(viewer))).andReturn().getResponse()
                .getContentAsString();
    }

    private Task current() {
        return tasks.visibleTask(Viewer.of(manager), task.getNumber());
    }
}
