package com.easydesk.search;

import java.util.Set;

import com.easydesk.person.Viewer;
import com.easydesk.task.Task;

/**
 * DESIGN.md §1 for search: the same rule as {@code TaskVisibility} and the list queries of {@code Tasks},
 * once on the task index's values and once on a task loaded from the database, the last check before a result
 * is shown. If the rule changes there, it changes here.
 */
final class SearchVisibility {

    private SearchVisibility() {
    }

    /**
     * A task as the index holds it: staff see all; a supervisor their company's; a contact their own and the ones
     * they watch ({@code watched}, from the database: the index holds no watchers); clients never internal ones.
     */
    static boolean canSee(Viewer viewer, IndexScan.TaskFacts task, Set<Long> watched) {
        if (viewer.isStaff()) {
            return true;
        }
        if (task.internal() || viewer.clientId() == null || task.clientId() != viewer.clientId()) {
            return false;
        }
        return viewer.isClientSupervisor() || task.contactId() == viewer.id() || watched.contains(task.id());
    }

    /** Messages whose text the viewer may read, once the task is visible: clients only public ones. */
    static boolean readsInternalMessages(Viewer viewer) {
        return viewer.isStaff();
    }

    static boolean canSee(Viewer viewer, Task task) {
        if (viewer.isStaff()) {
            return true;
        }
        if (task.isInternal() || task.getClient() == null || !task.getClient().getId().equals(viewer.clientId())) {
            return false;
        }
        return viewer.isClientSupervisor()
                || (task.getContact() != null && task.getContact().getId() == viewer.id())
                || task.isWatchedBy(viewer.id());
    }
}
