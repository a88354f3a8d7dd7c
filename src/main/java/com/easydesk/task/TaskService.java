package com.easydesk.task;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import com.easydesk.attachment.AttachmentService;
import com.easydesk.category.Category;
import com.easydesk.category.CategoryService;
import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.shared.SubmissionKeys;

/** Tasks in the language of the brief: submit, find what a viewer may see, change status and responsible. */
@Service
@Transactional(readOnly = true)
public class TaskService {

    private static final Set<StatusKind> ARCHIVED = EnumSet.of(StatusKind.CLOSED);
    private static final Set<StatusKind> CURRENT = EnumSet.complementOf(EnumSet.of(StatusKind.CLOSED));
    private static final Set<StatusKind> NEEDS_WORK = EnumSet.of(StatusKind.NEW, StatusKind.ACTIVE,
            StatusKind.WAITING);

    private final Tasks tasks;
    private final TaskStatuses statuses;
    private final CategoryService categories;
    private final ClientService clients;
    private final PersonService people;
    private final AttachmentService attachments;
    private final TaskRouter router;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(Tasks tasks, TaskStatuses statuses, CategoryService categories, ClientService clients,
            PersonService people, AttachmentService attachments, TaskRouter router, ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.statuses = statuses;
        this.categories = categories;
        this.clients = clients;
        this.people = people;
        this.attachments = attachments;
        this.router = router;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits a task. The routing rules decide who gets it, with the category's default responsible as the
     * fallback. A repeated submission key returns the task already created instead of a second one.
     */
    @Transactional
    public Task submit(Viewer viewer, NewTask form, List<MultipartFile> files) {
        Optional<Task> earlier = findSubmitted(viewer, form.submissionKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Category category = categories.findOffered(form.categoryId())
                .orElseThrow(() -> new IllegalArgumentException("Category is not offered"));
        Person author = people.get(viewer.id());
        TaskStatus initial = statuses.findByCode(TaskStatus.NEW_CODE).orElseThrow();
        var task = new Task(form.title().trim(), form.description(), category, initial, author, clock.instant());
        if (viewer.isClient()) {
            task.requestedBy(clients.get(viewer.clientId()), author);
        }
        TaskRouter.Route route = router.route(viewer.isClient() ? viewer.clientId() : null, category.getId(),
                clock.instant(), categories.activeDefaultResponsibleId(category.getId()).orElse(null));
        if (route.responsibleId() != null) {
            task.assignResponsible(people.get(route.responsibleId()), clock.instant());
        }
        if (route.priority() != null) {
            task.prioritise(route.priority());
        }
        task.identifySubmission(SubmissionKeys.of(viewer.id(), form.submissionKey()));
        tasks.saveAndFlush(task);
        router.remember(task.getId(), route);

        attachments.attach(task.getId(), null, files);
        events.publishEvent(new TaskEvents.TaskCreated(task.getId(), viewer.id()));
        return task;
    }

    /** The task this viewer already submitted with this form key, if any. */
    public Optional<Task> findSubmitted(Viewer viewer, String submissionKey) {
        String key = SubmissionKeys.of(viewer.id(), submissionKey);
        return key == null ? Optional.empty() : tasks.findBySubmissionKey(key);
    }

    /** The task with this number if the viewer may see it; otherwise 404, exactly as for a missing one. */
    public Task visibleTask(Viewer viewer, long number) {
        return tasks.findByNumber(number)
                .filter(task -> TaskVisibility.canSee(viewer, task))
                .orElseThrow(() -> new NotFoundException("Task " + number));
    }

    /** A task by id for background work (notifications) that has no viewer. */
    public Task byId(long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("Task id " + id));
    }

    /** The viewer's list: a contact's own tasks, a supervisor's whole company, everything for staff. */
    public Page<Task> listFor(Viewer viewer, boolean archive, Pageable page) {
        Set<StatusKind> kinds = archive ? ARCHIVED : CURRENT;
        if (viewer.isStaff()) {
            return tasks.findAllIn(kinds, page);
        }
        if (viewer.isClientSupervisor()) {
            return tasks.findOfClientCompany(viewer.clientId(), kinds, page);
        }
        return tasks.findRequestedBy(viewer.id(), kinds, page);
    }

    /** Open tasks the employee is responsible for; the queue groups them. */
    public List<Task> openTasksOf(Viewer employee) {
        return tasks.findOfResponsible(employee.id(), NEEDS_WORK);
    }

    public List<TaskStatus> selectableStatuses() {
        return statuses.findActive();
    }

    @Transactional
    public Task changeStatus(Viewer viewer, long number, long statusId, long seenVersion) {
        Task task = editableTask(viewer, number, seenVersion);
        // The id comes from the request: an unknown or retired status is a 404, not a server error.
        TaskStatus status = statuses.findById(statusId).filter(TaskStatus::isActive)
                .orElseThrow(() -> new NotFoundException("Status " + statusId));
        if (status.getId().equals(task.getStatus().getId())) {
            return task;
        }
        task.changeStatus(status, clock.instant());
        tasks.flush();
        events.publishEvent(new TaskEvents.StatusChanged(task.getId(), viewer.id()));
        return task;
    }

    @Transactional
    public Task assignResponsible(Viewer viewer, long number, long employeeId, long seenVersion) {
        Task task = editableTask(viewer, number, seenVersion);
        // The id comes from the request: a client contact or a deactivated employee names no one who could be
        // responsible, exactly like an id nobody has.
        Person employee = people.get(employeeId);
        if (!employee.isStaff() || !employee.isActive()) {
            throw new NotFoundException("Employee " + employeeId);
        }
        if (task.getResponsible() != null && task.getResponsible().getId().equals(employee.getId())) {
            return task;
        }
        task.assignResponsible(employee, clock.instant());
        tasks.flush();
        events.publishEvent(new TaskEvents.ResponsibleChanged(task.getId(), viewer.id()));
        return task;
    }

    /**
     * A new message counts as activity: lists sort by it. A client's answer to a task that waits for
     * them, is resolved or closed puts it back to work, so that it returns to the responsible's queue;
     * the message's own e-mail tells staff, so no separate status mail is sent.
     */
    @Transactional
    public void recordActivity(Viewer author, Task task) {
        Task current = tasks.findById(task.getId()).orElseThrow();
        current.recordActivity(clock.instant());
        boolean needsWorkAgain = !current.getStatus().getKind().isOpen()
                || current.getStatus().getKind() == StatusKind.WAITING;
        if (author.isClient() && needsWorkAgain) {
            statuses.findFirstByKindAndActiveTrueOrderByPosition(StatusKind.ACTIVE)
                    .ifPresent(active -> current.changeStatus(active, clock.instant()));
        }
    }

    private Task editableTask(Viewer viewer, long number, long seenVersion) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("Task " + number);
        }
        Task task = visibleTask(viewer, number);
        if (task.getVersion() != seenVersion) {
            throw new EditConflictException(number);
        }
        return task;
    }
}
