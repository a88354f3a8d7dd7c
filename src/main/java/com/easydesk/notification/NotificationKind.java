package com.easydesk.notification;

/** What an entry of the notification area announces. */
public enum NotificationKind {
    /** A task the person now takes part in: new, assigned to them, or they were added to it. */
    NEW_TASK,
    /** A message in a task the person takes part in, written by someone else. */
    NEW_MESSAGE
}
