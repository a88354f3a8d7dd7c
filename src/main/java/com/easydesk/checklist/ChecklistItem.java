package com.easydesk.checklist;

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

/** One step of a task's checklist; ticking it remembers who did and when. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem {

    static final int MAX_TEXT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id")
    private long taskId;

    private String text;

    private int position;

    private boolean done;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "done_by_id")
    private Person doneBy;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ChecklistItem() {
    }

    ChecklistItem(long taskId, String text, int position, Instant now) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw new IllegalArgumentException("A checklist item needs a text of up to " + MAX_TEXT + " characters");
        }
        this.taskId = taskId;
        this.text = text.strip();
        this.position = position;
        this.createdAt = now;
    }

    void tick(boolean nowDone, Person by, Instant now) {
        if (nowDone == done) {
            return;
        }
        this.done = nowDone;
        this.doneBy = nowDone ? by : null;
        this.doneAt = nowDone ? now : null;
    }

    void placeAt(int newPosition) {
        this.position = newPosition;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public String getText() {
        return text;
    }

    public int getPosition() {
        return position;
    }

    public boolean isDone() {
        return done;
    }

    public Person getDoneBy() {
        return doneBy;
    }

    public Instant getDoneAt() {
        return doneAt;
    }
}
