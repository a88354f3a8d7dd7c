package com.easydesk.task;

import java.time.Instant;

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

import com.easydesk.person.Person;

/** One entry of a task's history: who changed which field when, from what to what, as read at the time. */
@Entity
@Table(name = "task_change")
public class TaskChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id")
    private long taskId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id")
    private Person actor;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    private TaskField field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    @Column(name = "client_visible")
    private boolean clientVisible;

    protected TaskChange() {
    }

    TaskChange(long taskId, Person actor, Instant changedAt, TaskField field, String oldValue, String newValue) {
        this.taskId = taskId;
        this.actor = actor;
        this.changedAt = changedAt;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.clientVisible = field.isClientVisible();
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public Person getActor() {
        return actor;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public TaskField getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public boolean isClientVisible() {
        return clientVisible;
    }
}
