package com.easydesk.task;

/** How urgent a task is; the queue sorts by it inside each group, most urgent first. */
public enum Priority {
    /** Can wait until everything else is done. */
    LOW,
    /** The default for every new task. */
    NORMAL,
    /** Comes before normal work. */
    HIGH,
    /** Drop everything: something is broken for the client. */
    CRITICAL
}
