package com.easydesk.message;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.easydesk.person.Person;
import com.easydesk.task.Task;

/** One entry of a task's conversation. An internal message is for the provider's staff only. */
@Entity
@Table(name = "message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private Task task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Person author;

    private String body;

    private boolean internal;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "submission_key")
    private String submissionKey;

    protected Message() {
    }

    Message(Task task, Person author, String body, boolean internal, String submissionKey, Instant now) {
        if (internal && !author.isStaff()) {
            throw new IllegalArgumentException("Only staff write internal messages");
        }
        this.task = task;
        this.author = author;
        this.body = body;
        this.internal = internal;
        this.submissionKey = submissionKey;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public Person getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public boolean isInternal() {
        return internal;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
