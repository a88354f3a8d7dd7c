package com.easydesk.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.easydesk.mail.MailOutbox;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.routing.RoutingEvents;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/** Tells every manager and the director when a new task found nobody to take it. */
@Component
class UnassignedTaskNotifications {

    private final TaskService tasks;
    private final PersonService people;
    private final MailOutbox outbox;
    private final MessageSource texts;

    UnassignedTaskNotifications(TaskService tasks, PersonService people, MailOutbox outbox, MessageSource texts) {
        this.tasks = tasks;
        this.people = people;
        this.outbox = outbox;
        this.texts = texts;
    }

    /** Each manager reads it in the language of their profile, in the thread of the task's other mail. */
    @EventListener
    void onNobodyAvailable(RoutingEvents.NobodyAvailable event) {
        Task task = tasks.byId(event.taskId());
        Object[] arguments = { String.valueOf(task.getNumber()), task.getTitle() };
        String link = outbox.linkTo("/tasks/" + task.getNumber());
        for (Person manager : people.activeStaff()) {
            if (manager.getRole().canManage()) {
                Locale locale = manager.getLanguage().locale();
                String subject = texts.getMessage("mail.task-unassigned.subject", arguments, locale);
                String body = texts.getMessage("mail.task-unassigned.body", arguments, locale) + "\n\n" + link;
                outbox.queueInThread(TaskNotifications.threadOf(task), manager.getEmail(), subject, body);
            }
        }
    }
}
