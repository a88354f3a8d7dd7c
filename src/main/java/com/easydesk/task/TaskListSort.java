package com.easydesk.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The orders of the staff list, one per column. Each sorts by its key and then by the task number, which
 * makes the order total, so that a page can start right after (or end right before) a given task. A key
 * that may be missing (no client, no deadline) sorts as if it were the largest value: last when ascending,
 * first when descending. Number, deadline and last activity are read from indexes in their order; the other
 * keys are sorted from the covering index task_list_number_ix (docs/lists.md).
 */
public enum TaskListSort {

    NUMBER("number", true, ""),
    TITLE("title", false, "", "lower(t.title)"),
    CLIENT("client", false, "left join client c on c.id = t.client_id ", "c.id is null",
            "coalesce(lower(c.name), '')"),
    CATEGORY("category", false, "left join category g on g.id = t.category_id ", "g.id is null",
            "coalesce(lower(g.name), '')"),
    RESPONSIBLE("responsible", false, "left join person r on r.id = t.responsible_id ", "r.id is null",
            "coalesce(lower(r.full_name), '')"),
    CO_EXECUTOR("co-executor", false, "left join person x on x.id = t.co_executor_id ", "x.id is null",
            "coalesce(lower(x.full_name), '')"),
    /** Most urgent first by default; the rank follows {@link Priority}'s order. */
    PRIORITY("priority", true, "",
            "case t.priority when 'CRITICAL' then 3 when 'HIGH' then 2 when 'NORMAL' then 1 else 0 end"),
    /** In the order a manager gave the statuses. */
    STATUS("status", false, "join task_status s on s.id = t.status_id ", "s.position"),
    /** The same expression as the index task_list_deadline_ix, so that the index serves it. */
    DEADLINE("deadline", false, "", "coalesce(t.deadline, cast('infinity' as timestamptz))"),
    ACTIVITY("activity", true, "", "t.last_activity_at"),
    /** Tasks with something the viewer has not read yet; {@code :viewer} names the viewer. */
    UNREAD("unread", true, "", TaskListQueries.UNREAD);

    private final String key;
    private final boolean descendingFirst;
    private final String join;
    private final List<String> expressions;

    TaskListSort(String key, boolean descendingFirst, String join, String... expressions) {
        this.key = key;
        this.descendingFirst = descendingFirst;
        this.join = join;
        this.expressions = List.of(expressions);
    }

    /** The column's name in URLs. */
    public String key() {
        return key;
    }

    /** Which way a first click on the column sorts: the highest number, newest, most urgent and unread first. */
    public boolean descendingFirst() {
        return descendingFirst;
    }

    /** What the key needs beside the task (alias {@code t}), as SQL. */
    String join() {
        return join;
    }

    /** The SQL of the whole sort key: the column's expressions, then the task number. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(expressions);
        keys.add("t.number");
        return keys;
    }

    public static Optional<TaskListSort> byKey(String key) {
        for (TaskListSort sort : values()) {
            if (sort.key.equals(key)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
