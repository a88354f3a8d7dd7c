package com.easydesk.task;

/**
 * What happened to a task, published inside the transaction that made the change so that listeners
 * (notifications) write their rows in that same transaction.
 */
public final class TaskEvents {

    private TaskEvents() {
    }

    public record TaskCreated(long taskId, long actorId) {
    }

    public record StatusChanged(long taskId, long actorId) {
    }

    public record ResponsibleChanged(long taskId, long actorId) {
    }
}
