package com.easydesk.message;

import java.time.Instant;

import com.easydesk.person.Person;

/**
 * One line of a message's read receipts: a person who may read the message and when they first had it on
 * screen, or no time yet (✓ sent, ✓✓ read). {@code participant} is false for someone who read it without
 * taking part in the task, such as a client supervisor or a manager looking in.
 */
public record Receipt(Person reader, Instant readAt, boolean participant) {

    public boolean isRead() {
        return readAt != null;
    }
}
