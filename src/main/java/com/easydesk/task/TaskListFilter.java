package com.easydesk.task;

import java.util.Set;

/**
 * What the staff list shows: tasks in any of these statuses (none named: the open ones), of this
 * responsible, client and category. The filters combine.
 */
public record TaskListFilter(Set<Long> statusIds, Pick responsible, Pick client, Pick category) {

    public TaskListFilter {
        statusIds = Set.copyOf(statusIds);
    }

    /** The default view: open tasks of everyone. */
    public static TaskListFilter open() {
        return new TaskListFilter(Set.of(), Pick.ANY, Pick.ANY, Pick.ANY);
    }

    public TaskListFilter withStatuses(Set<Long> ids) {
        return new TaskListFilter(ids, responsible, client, category);
    }

    /**
     * One filter on a reference of the task: any value, none at all («не назначен», no client), or the
     * one with this id.
     */
    public record Pick(boolean unset, Long id) {

        public static final Pick ANY = new Pick(false, null);
        public static final Pick NONE = new Pick(true, null);

        public static Pick of(long id) {
            return new Pick(false, id);
        }

        public boolean isAny() {
            return !unset && id == null;
        }
    }
}
