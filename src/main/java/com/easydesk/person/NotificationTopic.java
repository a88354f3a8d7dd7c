package com.easydesk.person;

/** The kinds of e-mail notification a person can switch off in their profile. */
public enum NotificationTopic {
    /** A new message in a task the person takes part in. */
    MESSAGES,
    /** A task the person follows changed its status. */
    STATUS_CHANGES,
    /** A new task, or a task assigned to the person as responsible. */
    ASSIGNMENTS
}
