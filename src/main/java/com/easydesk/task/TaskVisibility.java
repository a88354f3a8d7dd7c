package com.easydesk.task;

import com.easydesk.person.Viewer;

/**
 * The visibility rule of DESIGN.md §1 for one task. The list queries in {@link Tasks} apply the same
 * rule in JPQL, and so do the notification area's count and list ({@code notification.Notifications}); all
 * must change together. Staff see everything. A client contact sees a non-internal task of their own company
 * that they requested or watch; a supervisor every non-internal task of it.
 */
final class TaskVisibility {

    private TaskVisibility() {
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
