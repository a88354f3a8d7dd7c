package com.easydesk.task.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.easydesk.attachment.Attachment;
import com.easydesk.attachment.AttachmentService;
import com.easydesk.message.Message;
import com.easydesk.message.MessageService;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/** Everything the task page and its fragments show, limited to what the viewer may see. */
@Component
class TaskPageModel {

    private final TaskService tasks;
    private final MessageService messages;
    private final AttachmentService attachments;
    private final PersonService people;

    TaskPageModel(TaskService tasks, MessageService messages, AttachmentService attachments, PersonService people) {
        this.tasks = tasks;
        this.messages = messages;
        this.attachments = attachments;
        this.people = people;
    }

    void fill(Viewer viewer, Task task, Model model) {
        List<Message> conversation = messages.conversation(viewer, task);
        Map<Long, List<Attachment>> filesByMessage = new LinkedHashMap<>();
        Set<Long> visibleMessageIds = conversation.stream().map(Message::getId).collect(Collectors.toSet());
        List<Attachment> descriptionFiles = new ArrayList<>();
        List<Attachment> taskFiles = attachments.ofTask(task.getId());
        for (Attachment file : taskFiles) {
            if (file.getMessageId() == null) {
                descriptionFiles.add(file);
            } else if (visibleMessageIds.contains(file.getMessageId())) {
                filesByMessage.computeIfAbsent(file.getMessageId(), id -> new ArrayList<>()).add(file);
            }
        }
        model.addAttribute("task", task);
        model.addAttribute("messages", conversation);
        model.addAttribute("descriptionFiles", descriptionFiles);
        model.addAttribute("filesByMessage", filesByMessage);
        model.addAttribute("thumbnails", attachments.thumbnailStates(taskFiles));
        if (viewer.isStaff()) {
            model.addAttribute("statuses", tasks.selectableStatuses());
            model.addAttribute("staff", people.activeStaff());
        }
    }
}
