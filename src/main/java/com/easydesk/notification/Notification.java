package com.easydesk.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.easydesk.message.Message;
import com.easydesk.task.Task;

/**
 * One entry of a person's notification area «Новые сообщения»: unread while {@code readAt} is empty. Entries
 * are written and marked read by statements in {@link Notifications}, never through this object, so that
 * one event stores at most one entry per person even when two requests race.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private Long id;

    @Column(name = "person_id")
    private long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private Task task;

    /** The new message, for {@link NotificationKind#NEW_MESSAGE}; none for a new task. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id")
    private Message message;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public Message getMessage() {
        return message;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
