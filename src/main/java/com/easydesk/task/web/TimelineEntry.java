package com.easydesk.task.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.easydesk.message.Message;
import com.easydesk.task.TaskChange;

/** One line of a task's conversation: a message, or an entry of its history, in the order they happened. */
record TimelineEntry(Instant at, Message message, TaskChange change) {

    /** At the same moment a message comes first: a client's answer is what reopens the task. */
    private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(entry -> entry.message() == null);

    static List<TimelineEntry> interleave(List<Message> messages, List<TaskChange> changes) {
        List<TimelineEntry> entries = new ArrayList<>(messages.size() + changes.size());
        messages.forEach(message -> entries.add(new TimelineEntry(message.getCreatedAt(), message, null)));
        changes.forEach(change -> entries.add(new TimelineEntry(change.getChangedAt(), null, change)));
        entries.sort(ORDER);
        return entries;
    }

    boolean isMessage() {
        return message != null;
    }
}
