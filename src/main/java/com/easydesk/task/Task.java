package com.easydesk.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.OptimisticLock;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;

/** A task (заявка): what a client asked for, or the provider's own work when it is internal. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The sequential number people use; PostgreSQL's sequence assigns it on insert. */
    @Generated
    @Column(insertable = false, updatable = false)
    private Long number;

    private String title;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "status_id")
    private TaskStatus status;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private Client client;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private Person contact;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_id")
    private Person responsible;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "co_executor_id")
    private Person coExecutor;

    /** Staff who follow the task without working on it, usually a manager. */
    @ManyToMany
    @JoinTable(name = "task_observer", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> observers = new LinkedHashSet<>();

    /** Contacts of the client who follow the task beside the contact; they see it like the contact does. */
    @ManyToMany
    @JoinTable(name = "task_watcher", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> watchers = new LinkedHashSet<>();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Person author;

    private boolean internal;

    private Instant deadline;

    /** False when the deadline was given as a date only: then it is the end of that day for the provider. */
    @Column(name = "deadline_has_time")
    private boolean deadlineHasTime = true;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "submission_key")
    private String submissionKey;

    /** The message this task was created from, if any; the message feature resolves it for a viewer. */
    @Column(name = "source_message_id")
    private Long sourceMessageId;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Excluded from the version: a new message must not make a pending status change a conflict. */
    @OptimisticLock(excluded = true)
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    /** The last activity a client can see: internal messages leave it as it was (V650). Not versioned either. */
    @OptimisticLock(excluded = true)
    @Column(name = "public_activity_at")
    private Instant publicActivityAt;

    @Version
    private long version;

    @Transient
    private final List<TaskChange> pendingChanges = new ArrayList<>();

    protected Task() {
    }

    Task(String title, String description, Category category, TaskStatus status, Person author, Instant now) {
        this.title = title;
        this.description = description == null ? "" : description;
        this.category = category;
        this.status = status;
        this.author = author;
        this.priority = Priority.NORMAL;
        this.createdAt = now;
        this.lastActivityAt = now;
        this.publicActivityAt = now;
    }

    /**
     * Whether a task may move between statuses of these kinds: the one place the transitions are decided.
     * Staff move freely, except that nothing returns to "new" and a closed task can only be reopened. A
     * client accepts a resolved task (closed) or, by answering, reopens a resolved or closed one and
     * answers one that waits for them (active).
     */
    public static boolean allowsMove(StatusKind from, StatusKind to, boolean byStaff) {
        if (byStaff) {
            return switch (from) {
                case NEW -> true;
                case ACTIVE, WAITING, RESOLVED -> to != StatusKind.NEW;
                case CLOSED -> to == StatusKind.ACTIVE;
            };
        }
        return switch (from) {
            case RESOLVED -> to == StatusKind.CLOSED || to == StatusKind.ACTIVE;
            case WAITING, CLOSED -> to == StatusKind.ACTIVE;
            case NEW, ACTIVE -> false;
        };
    }

    /** Whether this person may move the task to that status now. */
    public boolean canMoveTo(TaskStatus target, Person actor) {
        return target.isActive() && !target.getId().equals(status.getId())
                && allowsMove(status.getKind(), target.getKind(), actor.isStaff());
    }

    void makeInternal() {
        if (id != null) {
            throw new IllegalStateException("A task is made internal when it is created");
        }
        this.internal = true;
    }

    void createdFrom(long messageId) {
        this.sourceMessageId = messageId;
    }

    void identifySubmission(String submissionKey) {
        this.submissionKey = submissionKey;
    }

    /** Moves the task to another status, if the transition rules allow this person to. */
    void changeStatus(TaskStatus newStatus, Person actor, Instant now) {
        if (!canMoveTo(newStatus, actor)) {
            throw new IllegalStateException("Task " + number + " cannot move from " + status.getCode() + " to "
                    + newStatus.getCode());
        }
        record(TaskField.STATUS, status.getName(), newStatus.getName(), actor, now);
        this.status = newStatus;
        this.lastActivityAt = now;
        this.publicActivityAt = now;
    }

    /** Makes an active staff member responsible; if they were the co-executor, the task has none after. */
    void assignResponsible(Person employee, Person actor, Instant now) {
        requireActiveStaff(employee);
        if (same(employee, responsible)) {
            return;
        }
        if (same(employee, coExecutor)) {
            assignCoExecutor(null, actor, now);
        }
        record(TaskField.RESPONSIBLE, nameOf(responsible), nameOf(employee), actor, now);
        this.responsible = employee;
        this.lastActivityAt = now;
        this.publicActivityAt = now;
    }

    void assignCoExecutor(Person employee, Person actor, Instant now) {
        if (employee != null) {
            requireActiveStaff(employee);
            if (same(employee, responsible)) {
                throw new IllegalArgumentException("The responsible cannot also be the co-executor");
            }
        }
        if (same(employee, coExecutor)) {
            return;
        }
        record(TaskField.CO_EXECUTOR, nameOf(coExecutor), nameOf(employee), actor, now);
        this.coExecutor = employee;
    }

    void prioritize(Priority newPriority, Person actor, Instant now) {
        if (newPriority == null || newPriority == priority) {
            return;
        }
        record(TaskField.PRIORITY, priority.name(), newPriority.name(), actor, now);
        this.priority = newPriority;
    }

    /**
     * Sets the deadline and the start date together, so that neither can end up on the wrong side of the
     * other: the start day (in the provider's time zone) must not begin after the deadline.
     */
    void plan(Deadline newDeadline, LocalDate newStart, ZoneId providerZone, Person actor, Instant now) {
        Deadline planned = newDeadline == null ? Deadline.NONE : newDeadline;
        if (newStart != null && planned.instant() != null
                && newStart.atStartOfDay(providerZone).toInstant().isAfter(planned.instant())) {
            throw new IllegalArgumentException("The start date is after the deadline");
        }
        Deadline current = getDeadlineValue();
        if (!planned.sameAs(current)) {
            record(TaskField.DEADLINE, current.stored(providerZone), planned.stored(providerZone), actor, now);
            this.deadline = planned.instant();
            this.deadlineHasTime = planned.instant() == null || planned.hasTime();
        }
        if (!Objects.equals(newStart, startDate)) {
            record(TaskField.START_DATE, startDate == null ? null : startDate.toString(),
                    newStart == null ? null : newStart.toString(), actor, now);
            this.startDate = newStart;
        }
    }

    void categorize(Category newCategory, Person actor, Instant now) {
        if (same(newCategory, category)) {
            return;
        }
        record(TaskField.CATEGORY, category == null ? null : category.getName(),
                newCategory == null ? null : newCategory.getName(), actor, now);
        this.category = newCategory;
    }

    /**
     * Says for which client the task is and who of them asked. The contact must belong to that client;
     * watchers who do not belong to it any more stop watching.
     */
    void requestedBy(Client newClient, Person newContact, Person actor, Instant now) {
        if (newContact != null && (newClient == null || !newClient.getId().equals(newContact.getClientId()))) {
            throw new IllegalArgumentException("The contact does not belong to the client");
        }
        if (!same(newClient, client)) {
            record(TaskField.CLIENT, client == null ? null : client.getName(),
                    newClient == null ? null : newClient.getName(), actor, now);
            this.client = newClient;
            for (Person watcher : List.copyOf(watchers)) {
                removeWatcher(watcher, actor, now);
            }
        }
        if (!same(newContact, contact)) {
            record(TaskField.CONTACT, nameOf(contact), nameOf(newContact), actor, now);
            this.contact = newContact;
        }
    }

    /** Adds a staff member who follows the task without working on it. */
    void addObserver(Person person, Person actor, Instant now) {
        requireActiveStaff(person);
        if (observers.stream().noneMatch(observer -> same(observer, person))) {
            observers.add(person);
            record(TaskField.OBSERVER, null, person.getFullName(), actor, now);
        }
    }

    void removeObserver(Person person, Person actor, Instant now) {
        if (observers.removeIf(observer -> same(observer, person))) {
            record(TaskField.OBSERVER, person.getFullName(), null, actor, now);
        }
    }

    /** Adds a contact of the task's client who follows it beside the contact who asked. */
    void addWatcher(Person person, Person actor, Instant now) {
        if (person.isStaff() || !person.isActive() || client == null
                || !client.getId().equals(person.getClientId())) {
            throw new IllegalArgumentException("Only an active contact of the task's client can watch it");
        }
        if (watchers.stream().noneMatch(watcher -> same(watcher, person))) {
            watchers.add(person);
            record(TaskField.WATCHER, null, person.getFullName(), actor, now);
        }
    }

    void removeWatcher(Person person, Person actor, Instant now) {
        if (watchers.removeIf(watcher -> same(watcher, person))) {
            record(TaskField.WATCHER, person.getFullName(), null, actor, now);
        }
    }

    /** Something happened in the task; {@code visibleToClients}: something a client can see too. */
    void recordActivity(Instant now, boolean visibleToClients) {
        this.lastActivityAt = now;
        if (visibleToClients) {
            this.publicActivityAt = now;
        }
    }

    /** The history entries made since the last call, for the service to store; the task forgets them. */
    List<TaskChange> takeChanges() {
        List<TaskChange> taken = List.copyOf(pendingChanges);
        pendingChanges.clear();
        return taken;
    }

    /** Values given before the task exists are where it starts, not history. */
    private void record(TaskField field, String from, String to, Person actor, Instant now) {
        if (id != null && !Objects.equals(from, to)) {
            pendingChanges.add(new TaskChange(id, actor, now, field, from, to));
        }
    }

    private static void requireActiveStaff(Person person) {
        if (person == null || !person.isStaff() || !person.isActive()) {
            throw new IllegalArgumentException("Only active staff can take this part in a task");
        }
    }

    private static boolean same(Person one, Person other) {
        return one == null ? other == null : other != null && one.getId().equals(other.getId());
    }

    private static boolean same(Category one, Category other) {
        return one == null ? other == null : other != null && one.getId().equals(other.getId());
    }

    private static boolean same(Client one, Client other) {
        return one == null ? other == null : other != null && one.getId().equals(other.getId());
    }

    private static String nameOf(Person person) {
        return person == null ? null : person.getFullName();
    }

    public Long getId() {
        return id;
    }

    public Long getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Category getCategory() {
        return category;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public Client getClient() {
        return client;
    }

    public Person getContact() {
        return contact;
    }

    public Person getResponsible() {
        return responsible;
    }

    public Person getCoExecutor() {
        return coExecutor;
    }

    /** Observers by name. */
    public List<Person> getObservers() {
        return observers.stream().sorted(Comparator.comparing(Person::getFullName)).toList();
    }

    /** Watchers by name. */
    public List<Person> getWatchers() {
        return watchers.stream().sorted(Comparator.comparing(Person::getFullName)).toList();
    }

    public boolean isWatchedBy(long personId) {
        return watchers.stream().anyMatch(watcher -> watcher.getId() == personId);
    }

    public Person getAuthor() {
        return author;
    }

    public boolean isInternal() {
        return internal;
    }

    public Instant getDeadline() {
        return deadline;
    }

    /** False when the deadline is a whole day (its end, in the provider's time zone). */
    public boolean isDeadlineHasTime() {
        return deadlineHasTime;
    }

    public Deadline getDeadlineValue() {
        return deadline == null ? Deadline.NONE : new Deadline(deadline, deadlineHasTime);
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public Long getSourceMessageId() {
        return sourceMessageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getPublicActivityAt() {
        return publicActivityAt;
    }

    public long getVersion() {
        return version;
    }

    public boolean isClosed() {
        return status.getKind() == StatusKind.CLOSED;
    }
}
