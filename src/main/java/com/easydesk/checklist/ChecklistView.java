package com.easydesk.checklist;

import java.util.List;

/** A task's checklist as one viewer may see it: its items, whether the client sees it, how much is done. */
public record ChecklistView(List<ChecklistItem> items, boolean clientVisible) {

    public long doneCount() {
        return items.stream().filter(ChecklistItem::isDone).count();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
