package com.easydesk.queue;

import com.easydesk.task.QueueGroup;

/**
 * One group on the queue page: its count for the header, whether it starts open, and its first rows, or
 * none for a group whose rows are fetched only when it is opened.
 */
public record QueueSection(QueueGroup group, int count, boolean open, QueueSlice slice) {

    public boolean loaded() {
        return slice != null;
    }
}
