package com.easydesk.task.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.easydesk.attachment.Attachment;
import com.easydesk.attachment.AttachmentService;
import com.easydesk.message.Message;
import com.easydesk.message.MessageService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/**
 * The one place file requests are checked: a file is visible exactly when its task is and its message is in
 * the conversation the viewer may read (DESIGN.md §1). Anything else is 404, like a file that never was.
 */
@Component
class VisibleFiles {

    private final TaskService tasks;
    private final MessageService messages;
    private final AttachmentService attachments;

    VisibleFiles(TaskService tasks, MessageService messages, AttachmentService attachments) {
        this.tasks = tasks;
        this.messages = messages;
        this.attachments = attachments;
    }

    /** One file of a task, named by the task's number and the file's id: both must agree. */
    Attachment file(Viewer viewer, long number, long id) {
        Task task = tasks.visibleTask(viewer, number);
        return attachments.find(id)
                .filter(file -> file.getTaskId() == task.getId())
                .filter(file -> file.getMessageId() == null
                        || visibleMessageIds(viewer, task).contains(file.getMessageId()))
                .orElseThrow(() -> new NotFoundException("File " + id));
    }

    /** The files of one message of the task, if the viewer may read that message and it has files. */
    List<Attachment> ofMessage(Viewer viewer, long number, long messageId) {
        Task task = tasks.visibleTask(viewer, number);
        if (!visibleMessageIds(viewer, task).contains(messageId)) {
            throw new NotFoundException("Message " + messageId);
        }
        return nonEmpty(attachments.ofTask(task.getId()).stream()
                .filter(file -> Long.valueOf(messageId).equals(file.getMessageId()))
                .toList(), "Files of message " + messageId);
    }

    /** The files of the task's description. */
    List<Attachment> ofDescription(Viewer viewer, long number) {
        Task task = tasks.visibleTask(viewer, number);
        return nonEmpty(attachments.ofTask(task.getId()).stream()
                .filter(file -> file.getMessageId() == null)
                .toList(), "Files of task " + number);
    }

    private Set<Long> visibleMessageIds(Viewer viewer, Task task) {
        return messages.conversation(viewer, task).stream().map(Message::getId).collect(Collectors.toSet());
    }

    private static List<Attachment> nonEmpty(List<Attachment> files, String what) {
        if (files.isEmpty()) {
            throw new NotFoundException(what);
        }
        return files;
    }
}
