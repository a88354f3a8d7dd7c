package com.easydesk.notification;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.message.MessagePosted;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.routing.RoutingEvents;
import com.easydesk.task.Task;
import com.easydesk.task.TaskEvents;
import com.easydesk.task.TaskService;

/**
 * Writes the entries of the notification area (DESIGN.md §2.10, §2.14) in the transaction of the event, beside
 * the e-mail of {@link TaskNotifications}: a new task to the people it is for, a new message to every
 * participant who may read it. Unlike e-mail, an entry is written whatever the person's profile says about
 * mail. The author of the event never gets one, nobody gets two, and a client never one of an internal task
 * or message.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class AreaNotifications {

    private final TaskService tasks;
    private final PersonService people;
    private final Notifications notifications;
    private final Clock clock;

    AreaNotifications(TaskService tasks, PersonService people, Notifications notifications, Clock clock) {
        this.tasks = tasks;
        this.people = people;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Everyone in the task hears of it; its contact and watchers only when staff created it for them. */
    @EventListener
    void onTaskCreated(TaskEvents.TaskCreated event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofArea(task, event.actorId());
        recipients.addStaffSide();
        if (task.getAuthor().isStaff()) {
            recipients.addClientSide();
        }
        add(recipients, task, null, NotificationKind.NEW_TASK);
    }

    /** A task nobody could take goes to every manager and the director, who distribute it. */
    @EventListener
    void onNobodyAvailable(RoutingEvents.NobodyAvailable event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofArea(task, task.getAuthor().getId());
        for (Person person : people.activeStaff()) {
            if (person.getRole().canManage()) {
                recipients.add(person);
            }
        }
        add(recipients, task, null, NotificationKind.NEW_TASK);
    }

    /** A task given to someone is a new task for them, even if it once was theirs. */
    @EventListener
    void onResponsibleChanged(TaskEvents.ResponsibleChanged event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofArea(task, event.actorId());
        recipients.add(task.getResponsible());
        add(recipients, task, null, NotificationKind.NEW_TASK);
    }

    @EventListener
    void onParticipantAdded(TaskEvents.ParticipantAdded event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofArea(task, event.actorId());
        recipients.add(people.get(event.personId()));
        add(recipients, task, null, NotificationKind.NEW_TASK);
    }

    /** Staff of the task read every message; its contact and watchers the public ones. */
    @EventListener
    void onMessagePosted(MessagePosted event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofArea(task, event.authorId());
        recipients.addStaffSide();
        if (!event.internal()) {
            recipients.addClientSide();
        }
        add(recipients, task, event.messageId(), NotificationKind.NEW_MESSAGE);
    }

    private void add(Recipients recipients, Task task, Long messageId, NotificationKind kind) {
        if (!recipients.ids().isEmpty()) {
            notifications.add(recipients.ids(), task.getId(), messageId, kind.name(), clock.instant());
        }
    }
}
