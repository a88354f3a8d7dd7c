package com.easydesk.search;

import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import com.easydesk.person.Viewer;
import com.easydesk.task.Task;

/**
 * DESIGN.md §1 for search: the same rule as {@code TaskVisibility} and the list queries of {@code Tasks},
 * once as a filter on the task index and once on a task loaded from the database, the last check before
 * a result is shown. If the rule changes there, it changes here.
 */
final class SearchVisibility {

    private SearchVisibility() {
    }

    /** Tasks the viewer may open: staff all; a supervisor their company's; a contact their own; never internal. */
    static PredicateFinalStep tasks(SearchPredicateFactory f, Viewer viewer) {
        if (viewer.isStaff()) {
            return f.matchAll();
        }
        var visible = f.bool()
                .must(f.match().field(SearchMapping.INTERNAL).matching(false))
                .must(f.match().field("client.id").matching(viewer.clientId() == null ? -1L : viewer.clientId()));
        if (!viewer.isClientSupervisor()) {
            visible.must(f.match().field("contact.id").matching(viewer.id()));
        }
        return visible;
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
                || (task.getContact() != null && task.getContact().getId() == viewer.id());
    }
}
