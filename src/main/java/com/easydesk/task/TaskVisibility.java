package com.easydesk.task;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import com.easydesk.person.Viewer;

/**
 * The visibility rule of DESIGN.md §1 for one task. The list queries in {@link Tasks} apply the same
 * rule in JPQL, and so do the notification area's count and list ({@code notification.Notifications}); all
 * must change together. Staff see everything. A client contact sees a non-internal task of their own company
 * that they requested or watch; a supervisor every non-internal task of it.
 */
public final class TaskVisibility {

    private TaskVisibility() {
    }

    public static boolean canSee(Viewer viewer, Task task) {
        return canSee(viewer, task.isInternal(), task.getClient() == null ? null : task.getClient().getId(),
                task.getContact() == null ? null : task.getContact().getId(), () -> task.isWatchedBy(viewer.id()));
    }

    /**
     * The same rule on a task's values, for a feature that holds them apart from the entity (the search index).
     * {@code watched} is asked last, and only for a plain contact of the task's company.
     */
    public static boolean canSee(Viewer viewer, boolean internal, Long clientId, Long contactId,
            BooleanSupplier watched) {
        if (viewer.isStaff()) {
            return true;
        }
        if (internal || clientId == null || !clientId.equals(viewer.clientId())) {
            return false;
        }
        return viewer.isClientSupervisor() || Objects.equals(contactId, viewer.id()) || watched.getAsBoolean();
    }
}
