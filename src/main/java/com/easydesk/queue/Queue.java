package com.easydesk.queue;

import java.util.List;

import com.easydesk.task.Task;

/** An employee's open tasks in the three groups of the brief, each already in working order. */
public record Queue(List<Task> overdue, List<Task> today, List<Task> upcoming) {

    public int size() {
        return overdue.size() + today.size() + upcoming.size();
    }
}
