package com.easydesk.checklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/**
 * The checklist of a task: staff add, tick, reorder and remove items and apply templates; a client reads
 * the checklist of a task they see, and only when staff made it visible. Anything else answers 404.
 */
@Service
@Transactional(readOnly = true)
public class ChecklistService {

    private static final int STEP = 10;

    private final Checklists checklists;
    private final ChecklistItems items;
    private final ChecklistTemplates templates;
    private final TaskService tasks;
    private final PersonService people;
    private final Clock clock;

    ChecklistService(Checklists checklists, ChecklistItems items, ChecklistTemplates templates, TaskService tasks,
            PersonService people, Clock clock) {
        this.checklists = checklists;
        this.items = items;
        this.templates = templates;
        this.tasks = tasks;
        this.people = people;
        this.clock = clock;
    }

    /** The checklist this viewer may see on a task they see: for a client, empty unless it is visible. */
    public Optional<ChecklistView> viewFor(Viewer viewer, Task task) {
        boolean visible = checklists.findById(task.getId()).map(Checklist::isClientVisible).orElse(false);
        if (!viewer.isStaff() && (!visible || task.isInternal())) {
            return Optional.empty();
        }
        List<ChecklistItem> list = items.findOfTask(task.getId());
        if (!viewer.isStaff() && list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChecklistView(list, visible));
    }

    @Transactional
    public void add(Viewer viewer, long number, String text) {
        Task task = workedTask(viewer, number);
        if (text == null || text.isBlank()) {
            throw new ChecklistInputException("checklist.item.required");
        }
        if (text.strip().length() > ChecklistItem.MAX_TEXT) {
            throw new ChecklistInputException("checklist.item.too-long");
        }
        items.save(new ChecklistItem(task.getId(), text, nextPosition(task), clock.instant()));
    }

    @Transactional
    public void tick(Viewer viewer, long number, long itemId, boolean done) {
        ChecklistItem item = itemOf(workedTask(viewer, number), itemId);
        item.tick(done, people.get(viewer.id()), clock.instant());
    }

    /** Moves an item one place up or down; renumbers the list so positions stay distinct. */
    @Transactional
    public void move(Viewer viewer, long number, long itemId, boolean up) {
        Task task = workedTask(viewer, number);
        ChecklistItem item = itemOf(task, itemId);
        List<ChecklistItem> ordered = new ArrayList<>(items.findOfTask(task.getId()));
        int index = ordered.indexOf(item);
        int other = up ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.size()) {
            ordered.set(index, ordered.get(other));
            ordered.set(other, item);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt((i + 1) * STEP);
        }
    }

    @Transactional
    public void remove(Viewer viewer, long number, long itemId) {
        items.delete(itemOf(workedTask(viewer, number), itemId));
    }

    @Transactional
    public void showToClient(Viewer viewer, long number, boolean visible) {
        Task task = workedTask(viewer, number);
        checklists.findById(task.getId()).orElseGet(() -> checklists.save(new Checklist(task.getId())))
                .showToClient(visible);
    }

    /** Adds a template's steps after the items already there. */
    @Transactional
    public void apply(Viewer viewer, long number, long templateId) {
        Task task = workedTask(viewer, number);
        ChecklistTemplate template = templates.findById(templateId).filter(ChecklistTemplate::isActive)
                .orElseThrow(() -> new NotFoundException("Checklist template " + templateId));
        int position = nextPosition(task);
        for (String step : template.getSteps()) {
            items.save(new ChecklistItem(task.getId(), step, position, clock.instant()));
            position += STEP;
        }
    }

    private Task workedTask(Viewer viewer, long number) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("Task " + number);
        }
        return tasks.visibleTask(viewer, number);
    }

    private ChecklistItem itemOf(Task task, long itemId) {
        return items.findById(itemId).filter(item -> item.getTaskId() == task.getId())
                .orElseThrow(() -> new NotFoundException("Checklist item " + itemId));
    }

    private int nextPosition(Task task) {
        return items.findOfTask(task.getId()).stream().mapToInt(ChecklistItem::getPosition).max().orElse(0) + STEP;
    }
}
