package com.easydesk.queue;

import java.util.List;

import com.easydesk.task.QueueGroup;
import com.easydesk.task.QueueRow;

/** Rows of one group up to the end of page {@code page}; {@code more} when a next page has rows. */
public record QueueSlice(QueueGroup group, List<QueueRow> rows, int page, boolean more) {

    public int nextPage() {
        return page + 1;
    }
}
