package com.easydesk.task;

import java.util.List;

/**
 * A page of the staff list. Whether there are pages around it is known from one row read beyond the page,
 * never from counting the tasks; {@code matching} is counted only up to {@link #COUNT_LIMIT}.
 */
public record TaskListPage(List<TaskListRow> rows, boolean hasPrevious, boolean hasNext, long matching) {

    /** Beyond this many matching tasks the list says "more than". */
    public static final int COUNT_LIMIT = 1000;

    public TaskListPage {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public boolean isMatchingCapped() {
        return matching > COUNT_LIMIT;
    }

    public Long firstNumber() {
        return rows.isEmpty() ? null : rows.get(0).number();
    }

    public Long lastNumber() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).number();
    }
}
