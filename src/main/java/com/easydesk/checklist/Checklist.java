package com.easydesk.checklist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A task's checklist as a whole: whether the client may see it. Its items are {@link ChecklistItem}s. */
@Entity
@Table(name = "checklist")
public class Checklist {

    @Id
    @Column(name = "task_id")
    private Long taskId;

    @Column(name = "client_visible")
    private boolean clientVisible;

    protected Checklist() {
    }

    Checklist(long taskId) {
        this.taskId = taskId;
    }

    void showToClient(boolean visible) {
        this.clientVisible = visible;
    }

    public boolean isClientVisible() {
        return clientVisible;
    }
}
