package com.easydesk.task;

/** The fixed kinds behind the editable statuses; queues, the archive and reports rely on these. */
public enum StatusKind {
    /** Submitted, nobody has started yet. */
    NEW,
    /** Being worked on. */
    ACTIVE,
    /** Waiting for the client or deferred: needs no attention from the provider now. */
    WAITING,
    /** The provider considers it done; the client may still answer. */
    RESOLVED,
    /** Finished for good: it goes to the archive. */
    CLOSED;

    public boolean isOpen() {
        return this == NEW || this == ACTIVE || this == WAITING;
    }
}
