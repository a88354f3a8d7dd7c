package com.easydesk.queue;

import java.util.List;

import com.easydesk.task.QueueGroup;

/** An employee's queue as the page shows it: every group with its count, in the order of the page. */
public record Queue(List<QueueSection> sections) {

    public QueueSection section(QueueGroup group) {
        return sections.stream().filter(section -> section.group() == group).findFirst().orElseThrow();
    }

    /** Open tasks in all groups, the folded one included. */
    public int size() {
        return sections.stream().mapToInt(QueueSection::count).sum();
    }
}
