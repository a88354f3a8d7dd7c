package com.easydesk.message;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.queue.QueueService;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.QueueGroup;
import com.easydesk.task.QueueRow;
import com.easydesk.task.StatusKind;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's answer must not go unnoticed in a task that left the responsible's queue. */
@IntegrationTest
class ClientReplyTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    QueueService queues;

    Person employee;
    Person contact;
    Task task;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        contact = fixtures.contact(fixtures.client());
        task = fixtures.task(contact, fixtures.category(employee));
    }

    @Test
    void clientAnswerToResolvedTaskPutsItBackToWork() {
        moveTo("resolved");

        fixtures.message(contact, task, "Не заработало, проверьте ещё раз", false);

        assertThat(current().getStatus().getKind()).isEqualTo(StatusKind.ACTIVE);
        assertThat(queues.queueOf(Viewer.of(employee)).section(QueueGroup.UPCOMING).slice().rows())
                .extracting(QueueRow::number).contains(task.getNumber());
    }

    @Test
    void staffMessageLeavesTheStatusAlone() {
        moveTo("waiting");

        fixtures.message(employee, task, "Напоминаем о вопросе", false);

        assertThat(current().getStatus().getCode()).isEqualTo("waiting");
    }

    private void moveTo(String code) {
        long statusId = tasks.selectableStatuses().stream().filter(status -> status.getCode().equals(code))
                .findFirst().orElseThrow().getId();
        tasks.changeStatus(Viewer.of(employee), task.getNumber(), statusId, current().getVersion());
    }

    private Task current() {
        return tasks.visibleTask(Viewer.of(employee), task.getNumber());
    }
}
