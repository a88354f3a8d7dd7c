package com.easydesk.task;

/**
 * One page of the staff list: the filter, the order, and where the page starts. {@code after} (or
 * {@code before}) names the task the page follows (or precedes) in that order; neither means the first page.
 */
public record TaskListQuery(TaskListFilter filter, TaskListSort sort, boolean descending, Long after, Long before,
        int size) {

    public static final int MAX_SIZE = 200;

    public TaskListQuery {
        if (after != null && before != null) {
            throw new IllegalArgumentException("A page starts after one task or ends before one, not both");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_SIZE + " tasks, not " + size);
        }
    }

    public static TaskListQuery firstPage(TaskListFilter filter, int size) {
        return new TaskListQuery(filter, TaskListSort.ACTIVITY, true, null, null, size);
    }

    /** Whether the page is read backwards from its anchor (the previous page). */
    boolean backwards() {
        return before != null;
    }

    Long anchor() {
        return after != null ? after : before;
    }
}
