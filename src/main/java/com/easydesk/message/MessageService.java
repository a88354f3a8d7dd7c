package com.easydesk.message;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import com.easydesk.attachment.Attachment;
import com.easydesk.attachment.AttachmentService;
import com.easydesk.category.Category;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.shared.SubmissionKeys;
import com.easydesk.task.NewTask;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/** The conversation of a task: what a viewer may read, and posting replies. */
@Service
@Transactional(readOnly = true)
public class MessageService {

    private final Messages messages;
    private final TaskService tasks;
    private final PersonService people;
    private final AttachmentService attachments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageService(Messages messages, TaskService tasks, PersonService people, AttachmentService attachments,
            ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.people = people;
        this.attachments = attachments;
        this.events = events;
        this.clock = clock;
    }

    /** Messages of a task the viewer already may see; clients never get internal ones. */
    public List<Message> conversation(Viewer viewer, Task task) {
        return viewer.isStaff() ? messages.findAllOfTask(task.getId()) : messages.findPublicOfTask(task.getId());
    }

    public Message get(long id) {
        return messages.findById(id).orElseThrow();
    }

    /**
     * Posts a reply to a task the viewer may see. A client's message is always public. A repeated
     * submission key returns the message stored the first time.
     */
    @Transactional
    public Message post(Viewer viewer, long taskNumber, NewMessage reply, List<MultipartFile> files) {
        Task task = tasks.visibleTask(viewer, taskNumber);
        Optional<Message> earlier = findSubmitted(viewer, reply.submissionKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        boolean internal = viewer.isStaff() && reply.internal();
        String key = SubmissionKeys.of(viewer.id(), reply.submissionKey());
        var message = new Message(task, people.get(viewer.id()), reply.body().strip(), internal, key,
                clock.instant());
        messages.saveAndFlush(message);

        attachments.attach(task.getId(), message.getId(), files);
        tasks.recordActivity(viewer, task, internal);
        events.publishEvent(new MessagePosted(message.getId(), task.getId(), viewer.id(), internal));
        return message;
    }

    /**
     * A message the viewer may take into a new task: staff any message of a task they see, a client a
     * public message of a task they follow. Anything else is a 404, exactly like a missing message.
     */
    public QuotedMessage quote(Viewer viewer, long messageId) {
        Message message = messages.findById(messageId).orElseThrow(() -> new NotFoundException("Message"));
        Task task = tasks.visibleTask(viewer, message.getTask().getNumber());
        if (message.isInternal() && !viewer.isStaff()) {
            throw new NotFoundException("Message " + messageId);
        }
        List<Attachment> files = attachments.ofTask(task.getId()).stream()
                .filter(file -> Long.valueOf(messageId).equals(file.getMessageId())).toList();
        return new QuotedMessage(messageId, task.getNumber(), task.getTitle(), message.getBody(), message.isInternal(),
                task.isInternal(), idOf(task.getCategory()), task.getClient() == null ? null : task.getClient().getId(),
                task.getContact() == null ? null : task.getContact().getId(), files);
    }

    /**
     * Creates a task from a message the viewer may take: the task links back to it and shares its files.
     * The original conversation goes on as it was.
     */
    @Transactional
    public Task createTaskFrom(Viewer viewer, long messageId, NewTask form, List<MultipartFile> files) {
        QuotedMessage quoted = quote(viewer, messageId);
        return tasks.submitFromMessage(viewer, form, files, quoted.id(), quoted.files());
    }

    /** The message a task was created from, if there is one and the viewer may see it. */
    public Optional<QuotedMessage> origin(Viewer viewer, Task task) {
        if (task.getSourceMessageId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(quote(viewer, task.getSourceMessageId()));
        } catch (NotFoundException hidden) {
            return Optional.empty();
        }
    }

    /** The message this viewer already posted with this form key, if any. */
    public Optional<Message> findSubmitted(Viewer viewer, String submissionKey) {
        String key = SubmissionKeys.of(viewer.id(), submissionKey);
        return key == null ? Optional.empty() : messages.findBySubmissionKey(key);
    }

    private static Long idOf(Category category) {
        return category == null ? null : category.getId();
    }
}
