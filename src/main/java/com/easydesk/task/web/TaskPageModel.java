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
import com.easydesk.category.CategoryService;
import com.easydesk.checklist.ChecklistService;
import com.easydesk.checklist.ChecklistTemplateService;
import com.easydesk.client.ClientService;
import com.easydesk.message.Message;
import com.easydesk.message.MessageService;
import com.easydesk.message.ReadReceipts;
import com.easydesk.notification.NotificationArea;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.ProviderProperties;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;
import com.easydesk.web.Markdown;

/** Everything the task page and its fragments show, limited to what the viewer may see. */
@Component
class TaskPageModel {

    private final TaskService tasks;
    private final MessageService messages;
    private final AttachmentService attachments;
    private final PersonService people;
    private final ClientService clients;
    private final CategoryService categories;
    private final ChecklistService checklists;
    private final ChecklistTemplateService checklistTemplates;
    private final ReadReceipts receipts;
    private final NotificationArea notifications;
    private final ProviderProperties provider;
    private final Markdown markdown;

    TaskPageModel(TaskService tasks, MessageService messages, AttachmentService attachments, PersonService people,
            ClientService clients, CategoryService categories, ChecklistService checklists,
            ChecklistTemplateService checklistTemplates, ReadReceipts receipts, NotificationArea notifications,
            ProviderProperties provider, Markdown markdown) {
        this.tasks = tasks;
        this.messages = messages;
        this.attachments = attachments;
        this.people = people;
        this.clients = clients;
        this.categories = categories;
        this.checklists = checklists;
        this.checklistTemplates = checklistTemplates;
        this.receipts = receipts;
        this.notifications = notifications;
        this.provider = provider;
        this.markdown = markdown;
    }

    /**
     * Fills the model for the viewer. What the page shows counts as seen: the messages on it are read by the
     * viewer (read receipts) and the viewer's entries of the task in the notification area are read.
     */
    void fill(Viewer viewer, Task task, Model model) {
        List<Message> conversation = messages.conversation(viewer, task);
        receipts.markShown(viewer, task, conversation);
        notifications.markTaskRead(viewer, task.getId());

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
        // Each text is rendered once per page; the template puts this HTML, and only this, in unescaped.
        model.addAttribute("descriptionHtml", markdown.html(task.getDescription()));
        model.addAttribute("messageHtml", conversation.stream()
                .collect(Collectors.toMap(Message::getId, message -> markdown.html(message.getBody()))));
        model.addAttribute("timeline", TimelineEntry.interleave(conversation, tasks.historyOf(viewer, task)));
        model.addAttribute("descriptionFiles", descriptionFiles);
        model.addAttribute("filesByMessage", filesByMessage);
        model.addAttribute("receipts", receipts.of(viewer, task, conversation));
        model.addAttribute("thumbnails", attachments.thumbnailStates(taskFiles));
        model.addAttribute("canAccept", tasks.canAccept(viewer, task));
        model.addAttribute("origin", messages.origin(viewer, task).orElse(null));
        model.addAttribute("createdFrom", tasks.createdFrom(viewer, visibleMessageIds));
        model.addAttribute("checklist", checklists.viewFor(viewer, task).orElse(null));
        if (viewer.isStaff()) {
            fillChoices(viewer, task, model);
        }
    }

    /** The values staff can choose from in the side panel. */
    private void fillChoices(Viewer viewer, Task task, Model model) {
        List<Person> staff = people.activeStaff();
        // A task with a client offers that client's contacts only: every contact of every company made the page
        // of a large installation load thousands of people (docs/performance.md). Choosing another client
        // submits the panel, which then comes back with the new client's contacts. Without a client, a contact
        // chosen from everyone brings their client.
        List<Person> contacts = task.getClient() == null ? people.activeContacts()
                : people.activeContacts(task.getClient().getId());
        model.addAttribute("statuses", tasks.statusChoices(viewer, task));
        model.addAttribute("checklistTemplates", checklistTemplates.offered());
        model.addAttribute("staff", staff);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", categories.offered());
        model.addAttribute("clients", clients.active());
        model.addAttribute("contactsByClient", contacts.stream()
                .collect(Collectors.groupingBy(Person::getClientId, LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("observerChoices", staff.stream()
                .filter(person -> task.getObservers().stream().noneMatch(o -> o.getId().equals(person.getId())))
                .toList());
        model.addAttribute("watcherChoices", contacts.stream()
                .filter(person -> task.getClient() != null && task.getClient().getId().equals(person.getClientId()))
                .filter(person -> task.getContact() == null || !task.getContact().getId().equals(person.getId()))
                .filter(person -> !task.isWatchedBy(person.getId()))
                .toList());
        if (!model.containsAttribute("properties")) {
            model.addAttribute("properties", PropertiesForm.of(task, viewer.zone(), provider.timeZone()));
        }
    }
}
