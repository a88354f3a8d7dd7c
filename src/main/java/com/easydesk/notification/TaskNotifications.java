package com.easydesk.notification;

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
 * Decides who is told about a change and queues their e-mail (DESIGN.md §2.14). Listeners run
 * synchronously inside the transaction of the change, so the mail is stored exactly when the change is.
 * Participants are the responsible, the co-executor and the observers on the provider's side, the contact
 * and the watchers on the client's. The author of a change is never mailed about it, nobody twice for one
 * event, and a client never hears of an internal task or message. Each person gets only the kinds of mail
 * their profile asks for, in their profile's language. All mail about one task is one thread (docs/mail.md).
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

    /**
     * The responsible hears of a new task; the co-executor and observers too. A task that staff created for
     * a client is announced to its contact and watchers.
     */
    @EventListener
    void onTaskCreated(TaskEvents.TaskCreated event) {
        Task task = tasks.byId(event.taskId());
        var responsible = Recipients.ofMail(task, event.actorId(), NotificationTopic.ASSIGNMENTS);
        responsible.add(task.getResponsible());
        responsible.forEach(person -> send(person, task, "mail.task-created", task.getTitle(),
                task.getDescription()));

        var others = Recipients.ofMail(task, event.actorId(), NotificationTopic.ASSIGNMENTS, task.getResponsible());
        others.add(task.getCoExecutor());
        task.getObservers().forEach(others::add);
        if (task.getAuthor().isStaff()) {
            others.addClientSide();
        }
        others.forEach(person -> send(person, task, "mail.task-created.participant", task.getTitle(),
                task.getDescription()));
    }

    @EventListener
    void onMessagePosted(MessagePosted event) {
        Task task = tasks.byId(event.taskId());
        Message message = messages.get(event.messageId());
        var recipients = Recipients.ofMail(task, event.authorId(), NotificationTopic.MESSAGES);
        if (message.isInternal()) {
            recipients.keepToStaff();
        }
        recipients.addClientSide();
        recipients.addStaffSide();
        String author = people.get(event.authorId()).getFullName();
        recipients.forEach(person -> send(person, task, "mail.message-posted", author, message.getBody()));
    }

    @EventListener
    void onStatusChanged(TaskEvents.StatusChanged event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofMail(task, event.actorId(), NotificationTopic.STATUS_CHANGES);
        recipients.addClientSide();
        recipients.addStaffSide();
        recipients.forEach(person -> send(person, task, "mail.status-changed", task.getStatus().getName()));
    }

    @EventListener
    void onResponsibleChanged(TaskEvents.ResponsibleChanged event) {
        Task task = tasks.byId(event.taskId());
        var recipients = Recipients.ofMail(task, event.actorId(), NotificationTopic.ASSIGNMENTS);
        recipients.add(task.getResponsible());
        recipients.forEach(person -> send(person, task, "mail.responsible-assigned", task.getTitle()));
    }

    /** Someone given a part in a task they already hold another part in knows the task: no second mail. */
    @EventListener
    void onParticipantAdded(TaskEvents.ParticipantAdded event) {
        Task task = tasks.byId(event.taskId());
        Person added = people.get(event.personId());
        if (holdsAnotherPart(task, added, event.as())) {
            return;
        }
        var recipients = Recipients.ofMail(task, event.actorId(), NotificationTopic.ASSIGNMENTS);
        recipients.add(added);
        recipients.forEach(person -> send(person, task, "mail.participant-added", texts.getMessage(
                "mail.participation." + event.as(), null, person.getLanguage().locale())));
    }

    private static boolean holdsAnotherPart(Task task, Person person, TaskEvents.Participation as) {
        return switch (as) {
            case OBSERVER -> isSame(task.getResponsible(), person) || isSame(task.getCoExecutor(), person);
            case WATCHER -> isSame(task.getContact(), person);
            case CO_EXECUTOR -> false;
        };
    }

    private static boolean isSame(Person one, Person other) {
        return one != null && one.getId().equals(other.getId());
    }

    private void send(Person recipient, Task task, String key, Object... details) {
        Object[] arguments = new Object[details.length + 2];
        arguments[0] = String.valueOf(task.getNumber());
        arguments[1] = task.getTitle();
        System.arraycopy(details, 0, arguments, 2, details.length);
        var locale = recipient.getLanguage().locale();
        String subject = texts.getMessage(key + ".subject", arguments, locale);
        String body = texts.getMessage(key + ".body", arguments, locale).strip() + "\n\n"
                + outbox.linkTo("/tasks/" + task.getNumber());
        outbox.queueInThread(threadOf(task), recipient.getEmail(), subject, body);
    }

    /** The one conversation all mail about this task belongs to. */
    static String threadOf(Task task) {
        return "task-" + task.getNumber();
    }
}
