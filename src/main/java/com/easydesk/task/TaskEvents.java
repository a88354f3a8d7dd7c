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

    /** Someone now takes part in the task: as co-executor, observer or client-side watcher. */
    public record ParticipantAdded(long taskId, long personId, Participation as, long actorId) {
    }

    /** The parts a person can be given in a task after it exists, beside the responsible. */
    public enum Participation {
        /** Works the task beside the responsible. */
        CO_EXECUTOR,
        /** Follows the task on the provider's side. */
        OBSERVER,
        /** Follows the task on the client's side. */
        WATCHER
    }
}
