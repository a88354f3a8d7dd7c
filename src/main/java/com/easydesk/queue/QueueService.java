package com.easydesk.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.easydesk.person.Viewer;
import com.easydesk.task.OpenWork;
import com.easydesk.task.QueueGroup;
import com.easydesk.task.QueueRow;

/**
 * Builds an employee's queue: overdue, today and upcoming, and folded away what needs no attention now, where
 * "today" is the employee's own day in their time zone, not the server's (docs/queue.md). A group shows a page
 * of rows at a time; the folded group shows none until it is opened.
 */
@Service
public class QueueService {

    /** Rows per page of a group: about a screenful; "show more" brings the next page. */
    public static final int PAGE_SIZE = 25;

    /** How far a plain request may open one group at once ({@code /queue/overdue?page=3}): 500 rows. */
    static final int MAX_OPENED_PAGE = 19;

    /** Keeps offsets within what an employee could have; beyond it every page is simply empty. */
    static final int MAX_PAGE = 40_000;

    /** The order of the groups on the page. */
    private static final List<QueueGroup> GROUPS = List.of(QueueGroup.OVERDUE, QueueGroup.TODAY,
            QueueGroup.UPCOMING, QueueGroup.FOLDED);

    private final OpenWork work;
    private final Clock clock;

    QueueService(OpenWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    /** The queue page: every group's count, the first page of each open group, nothing of the folded one. */
    public Queue queueOf(Viewer employee) {
        return queueOf(employee, null, 0);
    }

    /**
     * The queue page with one group opened and showing its rows up to the end of {@code page}: what a request of
     * a group's own address gets when it is not an htmx request (the "show more" link without JavaScript).
     */
    public Queue queueOf(Viewer employee, QueueGroup opened, int page) {
        Instant now = clock.instant();
        Map<QueueGroup, Integer> counts = work.counts(employee.id(), now, employee.zone());
        List<QueueSection> sections = new ArrayList<>();
        for (QueueGroup group : GROUPS) {
            boolean open = group != QueueGroup.FOLDED || group == opened;
            int lastPage = group == opened ? within(page, MAX_OPENED_PAGE) : 0;
            QueueSlice slice = null;
            if (open) {
                slice = counts.get(group) == 0 ? new QueueSlice(group, List.of(), 0, false)
                        : slice(employee, group, now, 0, (lastPage + 1) * PAGE_SIZE, lastPage);
            }
            sections.add(new QueueSection(group, counts.get(group), open, slice));
        }
        return new Queue(sections);
    }

    /** One page of one group: "show more", and the folded group's rows when it is opened. */
    public QueueSlice page(Viewer employee, QueueGroup group, int page) {
        int wanted = within(page, MAX_PAGE);
        return slice(employee, group, clock.instant(), wanted * PAGE_SIZE, PAGE_SIZE, wanted);
    }

    /** One row more than asked tells whether a next page has any. */
    private QueueSlice slice(Viewer employee, QueueGroup group, Instant now, int offset, int limit, int page) {
        List<QueueRow> rows = work.page(employee.id(), group, now, employee.zone(), offset, limit + 1);
        boolean more = rows.size() > limit;
        return new QueueSlice(group, more ? rows.subList(0, limit) : rows, page, more);
    }

    private static int within(int page, int last) {
        return Math.max(0, Math.min(page, last));
    }
}
