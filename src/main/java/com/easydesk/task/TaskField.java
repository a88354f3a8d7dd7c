package com.easydesk.task;

/** What a history entry is about; each says whether client contacts may read such entries. */
public enum TaskField {
    /** The status, by name; a client follows their task's progress through it. */
    STATUS(true),
    /** The priority, stored as the {@link Priority} constant. */
    PRIORITY(true),
    /** The responsible employee, by name. */
    RESPONSIBLE(true),
    /** The co-executor beside the responsible, by name. */
    CO_EXECUTOR(true),
    /** An observer on the provider's side, added (new value) or removed (old value): staff business only. */
    OBSERVER(false),
    /** A watcher on the client's side, added (new value) or removed (old value). */
    WATCHER(true),
    /** The deadline: an ISO date when given without a time, otherwise an ISO instant. */
    DEADLINE(true),
    /** The start date, as an ISO date. */
    START_DATE(true),
    /** The category, by name. */
    CATEGORY(true),
    /** The client company, by name. */
    CLIENT(true),
    /** The client contact, by name. */
    CONTACT(true);

    private final boolean clientVisible;

    TaskField(boolean clientVisible) {
        this.clientVisible = clientVisible;
    }

    public boolean isClientVisible() {
        return clientVisible;
    }
}
