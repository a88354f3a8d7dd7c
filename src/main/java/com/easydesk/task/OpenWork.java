package com.easydesk.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open tasks (new, active, waiting) an employee works on, as responsible or co-executor, in the queue's
 * groups and working order (docs/queue.md). Read with plain SQL from the partial indexes of migration V620:
 * the counts of all groups in one grouped statement, and a group's rows a page at a time with their status
 * and client joined in, so that the cost of a queue does not grow with the number of tasks in it.
 */
@Component
public class OpenWork {

    /** Which group a task is in: the rules of {@link QueueGroup}, first match wins. */
    private static final String GROUP_OF = """
            case when status_kind = 'WAITING' or start_date > :today then 'FOLDED'
                 when deadline < :now then 'OVERDUE'
                 when deadline < :tomorrow or start_date = :today then 'TODAY'
                 else 'UPCOMING' end""";

    /** The tasks of one employee, one branch per index: "responsible or co-executor" could use neither. */
    private static final String OF_EMPLOYEE = """
            select id, priority_rank, status_kind_rank, deadline, created_at, %1$s as queue_group from task
             where responsible_id = :employee and status_kind in ('NEW', 'ACTIVE', 'WAITING')
            union all
            select id, priority_rank, status_kind_rank, deadline, created_at, %1$s as queue_group from task
             where co_executor_id = :employee and status_kind in ('NEW', 'ACTIVE', 'WAITING')
            """.formatted(GROUP_OF);

    /** Most urgent first, then new before active before waiting, then the nearest deadline (none last), oldest. */
    private static final String WORKING_ORDER = "priority_rank, status_kind_rank, deadline, created_at, id";

    private static final String COUNTS = "select queue_group, count(*) from (" + OF_EMPLOYEE
            + ") work group by queue_group";

    private static final String PAGE = """
            select t.number, t.title, t.priority, s.name as status_name, s.color as status_color,
                   s.kind as status_kind, c.name as client_name, t.internal, t.deadline, t.deadline_has_time,
                   t.start_date, t.co_executor_id = :employee as co_executor
              from (select * from (%s) work where queue_group = :group
                     order by %s limit :limit offset :offset) page
              join task t on t.id = page.id
              join task_status s on s.id = t.status_id
              left join client c on c.id = t.client_id
             order by %s""".formatted(OF_EMPLOYEE, WORKING_ORDER, prefixed(WORKING_ORDER));

    private final JdbcClient jdbc;

    OpenWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many tasks each group holds at this moment in this time zone; every group is present. */
    public Map<QueueGroup, Integer> counts(long employeeId, Instant now, ZoneId zone) {
        Map<QueueGroup, Integer> counts = new EnumMap<>(QueueGroup.class);
        for (QueueGroup group : QueueGroup.values()) {
            counts.put(group, 0);
        }
        moment(jdbc.sql(COUNTS), employeeId, now, zone)
                .query((ResultSet row) -> {
                    counts.put(QueueGroup.valueOf(row.getString(1)), row.getInt(2));
                });
        return counts;
    }

    /** Up to {@code limit} rows of one group in working order, skipping the first {@code offset}. */
    public List<QueueRow> page(long employeeId, QueueGroup group, Instant now, ZoneId zone, int offset, int limit) {
        return moment(jdbc.sql(PAGE), employeeId, now, zone)
                .param("group", group.name())
                .param("offset", offset)
                .param("limit", limit)
                .query(OpenWork::row)
                .list();
    }

    /** "Today" ends at the next midnight of the employee's zone; the start date is compared as a date there. */
    private static JdbcClient.StatementSpec moment(JdbcClient.StatementSpec statement, long employeeId, Instant now,
            ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        return statement.param("employee", employeeId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("today", today)
                .param("tomorrow", tomorrow.atOffset(ZoneOffset.UTC));
    }

    private static QueueRow row(ResultSet row, int index) throws SQLException {
        OffsetDateTime deadline = row.getObject("deadline", OffsetDateTime.class);
        return new QueueRow(row.getLong("number"), row.getString("title"), Priority.valueOf(row.getString("priority")),
                row.getString("status_name"), row.getString("status_color"),
                StatusKind.valueOf(row.getString("status_kind")), row.getString("client_name"),
                row.getBoolean("internal"), deadline == null ? Deadline.NONE
                        : new Deadline(deadline.toInstant(), row.getBoolean("deadline_has_time")),
                row.getObject("start_date", LocalDate.class), row.getBoolean("co_executor"));
    }

    private static String prefixed(String columns) {
        return "page." + columns.replace(", ", ", page.");
    }
}
