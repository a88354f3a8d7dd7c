package com.easydesk.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import com.easydesk.attachment.Attachment;
import com.easydesk.attachment.AttachmentService;
import com.easydesk.category.Category;
import com.easydesk.category.CategoryService;
import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.shared.ProviderProperties;
import com.easydesk.shared.SubmissionKeys;
import com.easydesk.task.InvalidTaskException.Problem;

/**
 * Tasks in the language of the brief: submit, find what a viewer may see, plan, assign, change status,
 * accept. Every change is recorded in the task's history in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class TaskService {

    /** Years a deadline or start date may be in. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private static final Set<StatusKind> ARCHIVED = EnumSet.of(StatusKind.CLOSED);
    private static final Set<StatusKind> CURRENT = EnumSet.complementOf(EnumSet.of(StatusKind.CLOSED));

    private final Tasks tasks;
    private final TaskStatuses statuses;
    private final TaskChanges history;
    private final CategoryService categories;
    private final ClientService clients;
    private final PersonService people;
    private final AttachmentService attachments;
    private final TaskRouter router;
    private final ApplicationEventPublisher events;
    private final ZoneId providerZone;
    private final Clock clock;

    TaskService(Tasks tasks, TaskStatuses statuses, TaskChanges history, CategoryService categories,
            ClientService clients, PersonService people, AttachmentService attachments, TaskRouter router,
            ApplicationEventPublisher events, ProviderProperties provider, Clock clock) {
        this.tasks = tasks;
        this.statuses = statuses;
        this.history = history;
        this.categories = categories;
        this.clients = clients;
        this.people = people;
        this.attachments = attachments;
        this.router = router;
        this.events = events;
        this.providerZone = provider.timeZone();
        this.clock = clock;
    }

    /**
     * Submits a task. A client's task is theirs; staff may also set every parameter (and create it for a
     * client, or internal); ids they send are checked and a bad one is refused with the field it came from.
     * When no responsible is given, the routing rules decide who gets it, with the category's default
     * responsible as the fallback. A repeated submission key returns the task already created instead of a
     * second one.
     */
    @Transactional
    public Task submit(Viewer viewer, NewTask form, List<MultipartFile> files) {
        return submit(viewer, form, files, null);
    }

    /**
     * Submits a task created from a message: it remembers the message and its description gets the
     * message's files, shared rather than copied. The message feature decides whether the viewer may use
     * that message and hands over its files.
     */
    @Transactional
    public Task submitFromMessage(Viewer viewer, NewTask form, List<MultipartFile> files, long messageId,
            List<Attachment> messageFiles) {
        return submit(viewer, form, files, new Origin(messageId, messageFiles));
    }

    private Task submit(Viewer viewer, NewTask form, List<MultipartFile> files, Origin origin) {
        Optional<Task> earlier = findSubmitted(viewer, form.submissionKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        Person author = people.get(viewer.id());
        var input = new Input();
        Category category = input.category("categoryId", form.categoryId(), viewer.isClient());
        TaskStatus initial = statuses.findFirstByKindAndActiveTrueOrderByPosition(StatusKind.NEW).orElseThrow();
        var task = new Task(form.title().trim(), form.description(), category, initial, author, now);
        if (viewer.isClient()) {
            input.check();
            task.requestedBy(clients.get(viewer.clientId()), author, author, now);
        } else {
            applyDetails(task, form.details(), input, viewer, author, now);
        }
        TaskRouter.Route route = null;
        if (task.getResponsible() == null) {
            route = router.route(task.getClient() == null ? null : task.getClient().getId(),
                    category == null ? null : category.getId(), now,
                    category == null ? null : categories.activeDefaultResponsibleId(category.getId()).orElse(null));
            if (route.responsibleId() != null) {
                task.assignResponsible(people.get(route.responsibleId()), author, now);
            }
            if (route.priority() != null) {
                task.prioritize(route.priority(), author, now);
            }
            if (route.observerId() != null) {
                task.addObserver(people.get(route.observerId()), author, now);
            }
        }
        task.identifySubmission(SubmissionKeys.of(viewer.id(), form.submissionKey()));
        if (origin != null) {
            task.createdFrom(origin.messageId());
        }
        tasks.saveAndFlush(task);
        if (route != null) {
            router.remember(task.getId(), route);
        }

        if (origin != null) {
            attachments.share(task.getId(), origin.files());
        }
        attachments.attach(task.getId(), null, files);
        events.publishEvent(new TaskEvents.TaskCreated(task.getId(), viewer.id()));
        return task;
    }

    private void applyDetails(Task task, TaskDetails details, Input input, Viewer viewer, Person author,
            Instant now) {
        TaskDetails given = details == null
                ? new TaskDetails(null, null, null, null, null, null, null, null, null, false) : details;
        Person responsible = input.staff("responsibleId", given.responsibleId());
        Person coExecutor = input.staff("coExecutorId", given.coExecutorId());
        Person observer = input.staff("observerId", given.observerId());
        if (coExecutor != null && responsible != null && coExecutor.getId().equals(responsible.getId())) {
            input.refuse("coExecutorId", "task.co-executor.is-responsible");
        }
        Requester requester = input.requester(given.clientId(), given.contactId(), null);
        Deadline deadline = input.deadline(given.deadlineDate(), given.deadlineTime(), given.startDate(), viewer);
        input.check();

        task.prioritize(given.priority(), author, now);
        task.plan(deadline, given.startDate(), providerZone, author, now);
        task.requestedBy(requester.client(), requester.contact(), author, now);
        if (responsible != null) {
            task.assignResponsible(responsible, author, now);
        }
        task.assignCoExecutor(coExecutor, author, now);
        if (observer != null) {
            task.addObserver(observer, author, now);
        }
        if (given.internal()) {
            task.makeInternal();
        }
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

    /** Every status that can be chosen now, in their order. */
    public List<TaskStatus> selectableStatuses() {
        return statuses.findActive();
    }

    /** The statuses this viewer may move the task to, with its current one first among them in order. */
    public List<TaskStatus> statusChoices(Viewer viewer, Task task) {
        Person actor = people.get(viewer.id());
        List<TaskStatus> choices = new ArrayList<>();
        if (!task.getStatus().isActive()) {
            choices.add(task.getStatus());
        }
        statuses.findActive().stream()
                .filter(status -> status.getId().equals(task.getStatus().getId()) || task.canMoveTo(status, actor))
                .forEach(choices::add);
        return choices;
    }

    /** The history entries of a task the viewer may see: clients only those about what they can see. */
    public List<TaskChange> historyOf(Viewer viewer, Task task) {
        return viewer.isStaff() ? history.findAllOfTask(task.getId())
                : history.findClientVisibleOfTask(task.getId());
    }

    @Transactional
    public Task changeStatus(Viewer viewer, long number, long statusId, long seenVersion) {
        Task task = editableTask(viewer, number, seenVersion);
        // The id comes from the request: an unknown, retired or unreachable status is a 404, not a server error.
        TaskStatus status = statuses.findById(statusId).filter(TaskStatus::isActive)
                .orElseThrow(() -> new NotFoundException("Status " + statusId));
        if (status.getId().equals(task.getStatus().getId())) {
            return task;
        }
        Person actor = people.get(viewer.id());
        if (!task.canMoveTo(status, actor)) {
            throw new NotFoundException("Status " + statusId + " from " + task.getStatus().getCode());
        }
        task.changeStatus(status, actor, clock.instant());
        store(task);
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
        task.assignResponsible(employee, people.get(viewer.id()), clock.instant());
        store(task);
        events.publishEvent(new TaskEvents.ResponsibleChanged(task.getId(), viewer.id()));
        return task;
    }

    /**
     * Applies the task page's parameters. Changing the client drops a contact (and watchers) of the old
     * client; a contact named explicitly must belong to the client. Nothing is stored if any value is refused.
     */
    @Transactional
    public Task edit(Viewer viewer, long number, TaskEdit edit, long seenVersion) {
        Task task = editableTask(viewer, number, seenVersion);
        Person actor = people.get(viewer.id());
        Instant now = clock.instant();
        var input = new Input();
        Category category = Objects.equals(edit.categoryId(), idOf(task.getCategory())) ? task.getCategory()
                : input.category("categoryId", edit.categoryId(), false);
        Person coExecutor = Objects.equals(edit.coExecutorId(), idOf(task.getCoExecutor())) ? task.getCoExecutor()
                : input.staff("coExecutorId", edit.coExecutorId());
        if (coExecutor != null && task.getResponsible() != null
                && coExecutor.getId().equals(task.getResponsible().getId())) {
            input.refuse("coExecutorId", "task.co-executor.is-responsible");
        }
        Requester requester = input.requester(edit.clientId(), edit.contactId(), task);
        Deadline deadline = input.deadline(edit.deadlineDate(), edit.deadlineTime(), edit.startDate(), viewer);
        Person newObserver = input.staff("addObserverId", edit.addObserverId());
        Person newWatcher = input.watcher(edit.addWatcherId(), requester.client());
        input.check();

        task.prioritize(edit.priority(), actor, now);
        task.plan(deadline, edit.startDate(), providerZone, actor, now);
        task.categorize(category, actor, now);
        task.requestedBy(requester.client(), requester.contact(), actor, now);
        boolean coExecutorIsNew = coExecutor != null && !coExecutor.getId().equals(idOf(task.getCoExecutor()));
        boolean observerIsNew = newObserver != null
                && task.getObservers().stream().noneMatch(person -> person.getId().equals(newObserver.getId()));
        boolean watcherIsNew = newWatcher != null && !task.isWatchedBy(newWatcher.getId());
        task.assignCoExecutor(coExecutor, actor, now);
        changeParticipants(task, edit, newObserver, newWatcher, actor, now);
        store(task);

        if (coExecutorIsNew) {
            announce(task, coExecutor, TaskEvents.Participation.CO_EXECUTOR, viewer);
        }
        if (observerIsNew) {
            announce(task, newObserver, TaskEvents.Participation.OBSERVER, viewer);
        }
        if (watcherIsNew) {
            announce(task, newWatcher, TaskEvents.Participation.WATCHER, viewer);
        }
        return task;
    }

    private void announce(Task task, Person person, TaskEvents.Participation as, Viewer viewer) {
        events.publishEvent(new TaskEvents.ParticipantAdded(task.getId(), person.getId(), as, viewer.id()));
    }

    private void changeParticipants(Task task, TaskEdit edit, Person newObserver, Person newWatcher, Person actor,
            Instant now) {
        if (newObserver != null) {
            task.addObserver(newObserver, actor, now);
        }
        if (edit.removeObserverId() != null) {
            task.getObservers().stream().filter(person -> person.getId().equals(edit.removeObserverId()))
                    .findFirst().ifPresent(person -> task.removeObserver(person, actor, now));
        }
        if (newWatcher != null) {
            task.addWatcher(newWatcher, actor, now);
        }
        if (edit.removeWatcherId() != null) {
            task.getWatchers().stream().filter(person -> person.getId().equals(edit.removeWatcherId()))
                    .findFirst().ifPresent(person -> task.removeWatcher(person, actor, now));
        }
    }

    /**
     * A new message counts as activity: lists sort by it. A client's answer to a task that waits for
     * them, is resolved or closed puts it back to work (the transition rules allow clients exactly that),
     * so that it returns to the responsible's queue; the message's own e-mail tells staff, so no separate
     * status mail is sent.
     */
    @Transactional
    public void recordActivity(Viewer author, Task task, boolean internal) {
        Task current = tasks.findById(task.getId()).orElseThrow();
        Instant now = clock.instant();
        current.recordActivity(now, !internal);
        if (author.isClient()) {
            Person actor = people.get(author.id());
            statuses.findFirstByKindAndActiveTrueOrderByPosition(StatusKind.ACTIVE)
                    .filter(active -> current.canMoveTo(active, actor))
                    .ifPresent(active -> current.changeStatus(active, actor, now));
            store(current);
        }
    }

    /** Whether this viewer may accept the task's result now: a client of the task while it is resolved. */
    public boolean canAccept(Viewer viewer, Task task) {
        return viewer.isClient() && task.getStatus().getKind() == StatusKind.RESOLVED;
    }

    /** A client accepts the result of a resolved task: it closes. Anything but a resolved task is a conflict. */
    @Transactional
    public Task accept(Viewer viewer, long number, long seenVersion) {
        Task task = visibleTask(viewer, number);
        if (!viewer.isClient()) {
            throw new NotFoundException("Task " + number);
        }
        if (task.getVersion() != seenVersion || !canAccept(viewer, task)) {
            throw new EditConflictException(number);
        }
        Person actor = people.get(viewer.id());
        TaskStatus closed = statuses.findFirstByKindAndActiveTrueOrderByPosition(StatusKind.CLOSED).orElseThrow();
        task.changeStatus(closed, actor, clock.instant());
        store(task);
        events.publishEvent(new TaskEvents.StatusChanged(task.getId(), viewer.id()));
        return task;
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

    /** Writes the task (a concurrent change fails here) and the history entries its verbs made. */
    private void store(Task task) {
        tasks.flush();
        history.saveAll(task.takeChanges());
    }

    private static Long idOf(Category category) {
        return category == null ? null : category.getId();
    }

    private static Long idOf(Person person) {
        return person == null ? null : person.getId();
    }

    private static <T> Optional<T> find(Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
    }

    /** The tasks created from these messages that the viewer may see, by message. */
    public Map<Long, List<Task>> createdFrom(Viewer viewer, Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return tasks.findCreatedFrom(messageIds).stream()
                .filter(task -> TaskVisibility.canSee(viewer, task))
                .collect(Collectors.groupingBy(Task::getSourceMessageId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * A client's list (DESIGN.md §2.7), newest activity first; {@code archive} holds the closed tasks. A contact
     * sees the tasks they requested or watch. A supervisor sees every task of the company, or only their own
     * ({@code own}: requested or watched), or those one contact of the company follows ({@code contactId}). A
     * contact id that names nobody of the viewer's company is ignored, and so is every filter of a plain
     * contact: the answer is then exactly what it would be without it, so it tells nothing.
     */
    public Page<Task> clientListFor(Viewer viewer, boolean own, Long contactId, boolean archive, Pageable page) {
        if (!viewer.isClient()) {
            throw new IllegalArgumentException("The client list is for client contacts");
        }
        Set<StatusKind> kinds = archive ? ARCHIVED : CURRENT;
        if (!viewer.isClientSupervisor() || own) {
            return tasks.findFollowedBy(viewer.id(), viewer.clientId(), kinds, page);
        }
        Optional<Person> contact = contactId == null ? Optional.empty() : people.find(contactId)
                .filter(person -> !person.isStaff() && viewer.clientId().equals(person.getClientId()));
        return contact.isPresent() ? tasks.findFollowedBy(contact.get().getId(), viewer.clientId(), kinds, page)
                : tasks.findOfClientCompany(viewer.clientId(), kinds, page);
    }

    /** The message a task is created from and its files, as the message feature vouches for them. */
    private record Origin(long messageId, List<Attachment> files) {
    }

    /** A client and a contact that belongs to it (either may be missing). */
    private record Requester(Client client, Person contact) {
    }

    /** Turns ids and dates from a form into what they name, collecting every refusal before any is thrown. */
    private final class Input {

        private final List<Problem> problems = new ArrayList<>();

        void refuse(String field, String code) {
            problems.add(new Problem(field, code));
        }

        void check() {
            if (!problems.isEmpty()) {
                throw new InvalidTaskException(problems);
            }
        }

        Category category(String field, Long id, boolean required) {
            if (id == null) {
                if (required) {
                    refuse(field, "task.category.required");
                }
                return null;
            }
            Optional<Category> category = categories.findOffered(id);
            if (category.isEmpty()) {
                refuse(field, "task.category.unknown");
            }
            return category.orElse(null);
        }

        Person staff(String field, Long id) {
            if (id == null) {
                return null;
            }
            Optional<Person> person = find(() -> people.get(id)).filter(p -> p.isStaff() && p.isActive());
            if (person.isEmpty()) {
                refuse(field, "task.person.not-staff");
            }
            return person.orElse(null);
        }

        Person watcher(Long id, Client client) {
            if (id == null) {
                return null;
            }
            Optional<Person> person = find(() -> people.get(id))
                    .filter(p -> !p.isStaff() && p.isActive() && client != null
                            && client.getId().equals(p.getClientId()));
            if (person.isEmpty()) {
                refuse("addWatcherId", "task.watcher.foreign");
            }
            return person.orElse(null);
        }

        /**
         * The client and contact as given. A contact alone brings their client. When an edit changes the
         * client and leaves the old contact as it was, the contact goes with the old client.
         */
        Requester requester(Long clientId, Long contactId, Task current) {
            Client client = null;
            if (clientId != null) {
                client = current != null && current.getClient() != null && current.getClient().getId().equals(clientId)
                        ? current.getClient()
                        : find(() -> clients.get(clientId)).filter(Client::isActive).orElse(null);
                if (client == null) {
                    refuse("clientId", "task.client.unknown");
                    return new Requester(null, null);
                }
            }
            if (contactId == null) {
                return new Requester(client, null);
            }
            boolean leftAsItWas = current != null && current.getContact() != null
                    && current.getContact().getId().equals(contactId);
            Person contact = leftAsItWas ? current.getContact()
                    : find(() -> people.get(contactId)).filter(p -> !p.isStaff() && p.isActive()).orElse(null);
            if (contact == null) {
                refuse("contactId", "task.contact.unknown");
                return new Requester(client, null);
            }
            if (client == null) {
                return leftAsItWas ? new Requester(null, null)
                        : new Requester(clients.get(contact.getClientId()), contact);
            }
            if (!client.getId().equals(contact.getClientId())) {
                if (leftAsItWas) {
                    return new Requester(client, null);
                }
                refuse("contactId", "task.contact.foreign");
            }
            return new Requester(client, contact);
        }

        private static boolean implausible(LocalDate date) {
            return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR;
        }

        Deadline deadline(LocalDate date, LocalTime time, LocalDate start, Viewer viewer) {
            // A year such as 0001 or 2202 is a slip of the keyboard; stored, it would show as overdue for ever or
            // sort a task out of sight.
            if (date != null && implausible(date)) {
                refuse("deadlineDate", "task.date.implausible");
                return Deadline.NONE;
            }
            if (start != null && implausible(start)) {
                refuse("startDate", "task.date.implausible");
                return Deadline.of(date, time, viewer.zone(), providerZone);
            }
            if (date == null && time != null) {
                refuse("deadlineDate", "task.deadline.date-required");
                return Deadline.NONE;
            }
            Deadline deadline = Deadline.of(date, time, viewer.zone(), providerZone);
            if (start != null && deadline.instant() != null
                    && start.atStartOfDay(providerZone).toInstant().isAfter(deadline.instant())) {
                refuse("startDate", "task.start.after-deadline");
            }
            return deadline;
        }
    }
}
