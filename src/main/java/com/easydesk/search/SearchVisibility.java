package com.easydesk.search;

import java.util.Set;

import com.easydesk.person.Viewer;
import com.easydesk.task.Task;
import com.easydesk.task.TaskVisibility;

/**
 * DESIGN.md §1 for search, through {@link TaskVisibility}: once on the task index's values and once on a task
 * loaded from the database, the last check before a result is shown.
 */
final class SearchVisibility {

    private SearchVisibility() {
    }

    /**
     * A task as the index holds it; the tasks the viewer watches come from the database ({@code watched}), as the
     * index holds no watchers.
     */
    static boolean canSee(Viewer viewer, IndexScan.TaskFacts task, Set<Long> watched) {
        return TaskVisibility.canSee(viewer, task.internal(), idOrNull(task.clientId()), idOrNull(task.contactId()),
                () -> watched.contains(task.id()));
    }

    static boolean canSee(Viewer viewer, Task task) {
        return TaskVisibility.canSee(viewer, task);
    }

    /** Messages whose text the viewer may read, once the task is visible: clients only public ones. */
    static boolean readsInternalMessages(Viewer viewer) {
        return viewer.isStaff();
    }

    private static Long idOrNull(long value) {
        return value == IndexScan.NONE ? null : value;
    }
}
