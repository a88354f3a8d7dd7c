package com.easydesk.task;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Person author;

    private boolean internal;

    private Instant deadline;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "submission_key")
    private String submissionKey;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Excluded from the version: a new message must not make a pending status change a conflict. */
    @OptimisticLock(excluded = true)
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Version
    private long version;

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
    }

    void requestedBy(Client client, Person contact) {
        this.client = client;
        this.contact = contact;
    }

    void identifySubmission(String submissionKey) {
        this.submissionKey = submissionKey;
    }

    /** Moves the task to another status; a retired status cannot be chosen any more. */
    void changeStatus(TaskStatus newStatus, Instant now) {
        if (!newStatus.isActive()) {
            throw new IllegalArgumentException("Status " + newStatus.getCode() + " is retired");
        }
        this.status = newStatus;
        this.lastActivityAt = now;
    }

    void assignResponsible(Person employee, Instant now) {
        if (employee != null && (!employee.isStaff() || !employee.isActive())) {
            throw new IllegalArgumentException("Only active staff can be responsible");
        }
        this.responsible = employee;
        this.lastActivityAt = now;
    }

    void prioritise(Priority newPriority) {
        this.priority = newPriority;
    }

    void recordActivity(Instant now) {
        this.lastActivityAt = now;
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

    public Person getAuthor() {
        return author;
    }

    public boolean isInternal() {
        return internal;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public long getVersion() {
        return version;
    }

    public boolean isClosed() {
        return status.getKind() == StatusKind.CLOSED;
    }
}
