package com.easydesk.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.easydesk.mail.MailOutbox;
import com.easydesk.message.Message;
import com.easydesk.message.MessagePosted;
import com.easydesk.message.MessageService;
import com.easydesk.person.NotificationTopic;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.task.Task;
import com.easydesk.task.TaskEvents;
import com.easydesk.task.TaskService;

/**
 * Decides who is told about a change and queues their e-mail. Listeners run synchronously inside the
 * transaction of the change, so the mail is stored exactly when the change is. The author of a change
 * is never mailed about it, and a client never hears of an internal task or message. Each person gets
 * only the kinds of mail their profile asks for, in their profile's language.
 */
@Component
class TaskNotifications {

    private final TaskService tasks;
    private final MessageService messages;
    private final PersonService people;
    private final MailOutbox outbox;
    private final MessageSource texts;

    TaskNotifications(TaskService tasks, MessageService messages, PersonService people, MailOutbox outbox,
            MessageSource texts) {
        this.tasks = tasks;
        this.messages = messages;
        this.people = people;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void onTaskCreated(TaskEvents.TaskCreated event) {
        Task task = tasks.byId(event.taskId());
        var recipients = new Recipients(event.actorId(), NotificationTopic.ASSIGNMENTS);
        recipients.add(task.getResponsible());
        recipients.forEach(person -> send(person, task, "mail.task-created", task.getTitle()));
    }

    @EventListener
    void onMessagePosted(MessagePosted event) {
        Task task = tasks.byId(event.taskId());
        Message message = messages.get(event.messageId());
        var recipients = new Recipients(event.authorId(), NotificationTopic.MESSAGES);
        if (!event.internal() && !task.isInternal()) {
            recipients.add(task.getContact());
        }
        recipients.add(task.getResponsible());
        String author = people.get(event.authorId()).getFullName();
        recipients.forEach(person -> send(person, task, "mail.message-posted", author, message.getBody()));
    }

    @EventListener
    void onStatusChanged(TaskEvents.StatusChanged event) {
        Task task = tasks.byId(event.taskId());
        var recipients = new Recipients(event.actorId(), NotificationTopic.STATUS_CHANGES);
        if (!task.isInternal()) {
            recipients.add(task.getContact());
        }
        recipients.add(task.getResponsible());
        recipients.forEach(person -> send(person, task, "mail.status-changed", task.getStatus().getName()));
    }

    @EventListener
    void onResponsibleChanged(TaskEvents.ResponsibleChanged event) {
        Task task = tasks.byId(event.taskId());
        var recipients = new Recipients(event.actorId(), NotificationTopic.ASSIGNMENTS);
        recipients.add(task.getResponsible());
        recipients.forEach(person -> send(person, task, "mail.responsible-assigned", task.getTitle()));
    }

    private void send(Person recipient, Task task, String key, Object... details) {
        Object[] arguments = new Object[details.length + 2];
        arguments[0] = String.valueOf(task.getNumber());
        arguments[1] = task.getTitle();
        System.arraycopy(details, 0, arguments, 2, details.length);
        var locale = recipient.getLanguage().locale();
        String subject = texts.getMessage(key + ".subject", arguments, locale);
        String body = texts.getMessage(key + ".body", arguments, locale) + "\n\n"
                + outbox.linkTo("/tasks/" + task.getNumber());
        outbox.queue(recipient.getEmail(), subject, body);
    }

    /** People to tell, each once, never the actor, never a deactivated account, never against their wish. */
    private static final class Recipients {

        private final long actorId;
        private final NotificationTopic topic;
        private final Map<Long, Person> people = new LinkedHashMap<>();

        Recipients(long actorId, NotificationTopic topic) {
            this.actorId = actorId;
            this.topic = topic;
        }

        void add(Person person) {
            if (person != null && person.getId() != actorId && person.isActive() && person.wantsMailAbout(topic)) {
                people.putIfAbsent(person.getId(), person);
            }
        }

        void forEach(java.util.function.Consumer<Person> action) {
            people.values().forEach(action);
        }
    }
}
