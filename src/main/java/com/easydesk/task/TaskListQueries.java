package com.easydesk.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The staff list's SQL, written out so that each page is one statement: the rows with the names they refer
 * to and the viewer's unread mark, ordered by a key that indexes serve, and paged by keyset (docs/lists.md).
 *
 * <p>A page is found per status and then merged: one branch of a {@code union all} for each status shown,
 * each reading at most a page of its own status in the order wanted, from an index that starts with the
 * status. A status filter alone would make PostgreSQL walk an index in the wanted order and skip every task
 * in another status; open tasks are a few percent of them, so walking oldest first would read nearly all.
 * The status ids are written into the SQL as numbers, so that each branch is planned for its own status;
 * they come from the status table, never from the request. Sort keys and filters come from enums and ids.
 */
@Repository
class TaskListQueries {

    /** Whether the viewer has an unread notification about the task. */
    static final String UNREAD = "exists (select 1 from notification n where n.person_id = :viewer "
            + "and n.task_id = t.id and n.read_at is null)";

    private static final String JOINS = "join task_status s on s.id = t.status_id "
            + "left join client c on c.id = t.client_id left join category g on g.id = t.category_id "
            + "left join person r on r.id = t.responsible_id left join person x on x.id = t.co_executor_id ";

    private static final String COLUMNS = "select t.id, t.number, t.title, t.internal, t.priority, t.deadline, "
            + "t.deadline_has_time, t.last_activity_at, t.version, s.name as status_name, s.color as status_color, "
            + "s.kind as status_kind, c.id as client_id, c.name as client_name, g.id as category_id, "
            + "g.name as category_name, r.id as responsible_id, r.full_name as responsible_name, "
            + "r.active as responsible_active, x.id as co_executor_id, x.full_name as co_executor_name, "
            + UNREAD + " as unread";

    private final NamedParameterJdbcTemplate jdbc;

    TaskListQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page and whether there are pages around it, from {@code size + 1} rows. */
    TaskListPage page(long viewerId, TaskListQuery query, Collection<Long> statusIds) {
        var parameters = new MapSqlParameterSource("viewer", viewerId).addValue("limit", query.size() + 1);
        String filters = filters(query.filter(), parameters);
        List<TaskListRow> rows = new ArrayList<>(jdbc.query(pageSql(query, statusIds, filters, parameters),
                parameters, TaskListQueries::row));

        boolean more = rows.size() > query.size();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (query.backwards()) {
            Collections.reverse(rows);
        }
        boolean hasPrevious = query.backwards() ? more : query.after() != null;
        boolean hasNext = query.backwards() || more;
        return new TaskListPage(rows, hasPrevious, hasNext, countUpTo(statusIds, filters, parameters));
    }

    /**
     * A branch per status reads up to a page of it in the wanted order, after (or before) the anchor; the
     * branches are merged by their key columns k0, k1, … (the last is the number), and the page is joined to
     * what its rows show. Reading the previous page walks the order backwards from its anchor.
     */
    private static String pageSql(TaskListQuery query, Collection<Long> statusIds, String filters,
            MapSqlParameterSource parameters) {
        TaskListSort sort = query.sort();
        List<String> keys = sort.keys();
        boolean descending = query.descending() != query.backwards();
        List<String> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(keys.get(i) + " as k" + i);
            names.add("k" + i);
        }
        String anchor = "";
        if (query.anchor() != null) {
            parameters.addValue("anchor", query.anchor());
            anchor = " and (" + String.join(", ", keys) + (descending ? ") < " : ") > ") + "(select "
                    + String.join(", ", keys) + " from task t " + sort.join() + "where t.number = :anchor)";
        }

        List<String> branches = new ArrayList<>();
        for (long statusId : statusIds.stream().sorted().toList()) {
            branches.add("(select " + String.join(", ", columns) + " from task t " + sort.join()
                    + "where t.status_id = " + statusId + filters + anchor + orderBy(keys, descending)
                    + " limit :limit)");
        }
        return COLUMNS + " from (select * from (" + String.join(" union all ", branches) + ") branches"
                + orderBy(names, descending) + " limit :limit) page join task t on t.number = page."
                + names.get(names.size() - 1) + " " + JOINS + orderBy(keys, descending);
    }

    private static String orderBy(List<String> keys, boolean descending) {
        return " order by " + String.join(descending ? " desc, " : ", ", keys) + (descending ? " desc" : "");
    }

    /** One task as a row of the list, whatever the filters. */
    Optional<TaskListRow> row(long viewerId, long number) {
        var parameters = new MapSqlParameterSource("viewer", viewerId).addValue("number", number);
        return jdbc.query(COLUMNS + " from task t " + JOINS + "where t.number = :number", parameters,
                TaskListQueries::row).stream().findFirst();
    }

    /** Tasks in these statuses per responsible (null: nobody), with how many are past their deadline. */
    Map<Long, OpenTasks> loadPerResponsible(Collection<Long> openStatusIds, Instant now) {
        Map<Long, OpenTasks> loads = new HashMap<>();
        if (openStatusIds.isEmpty()) {
            return loads;
        }
        var parameters = new MapSqlParameterSource("statuses", openStatusIds).addValue("now", Timestamp.from(now));
        jdbc.query("select t.responsible_id, count(*) as open_tasks, "
                + "count(*) filter (where t.deadline < :now) as overdue from task t "
                + "where t.status_id in (:statuses) group by t.responsible_id", parameters, result -> {
                    loads.put(result.getObject("responsible_id", Long.class),
                            new OpenTasks(result.getLong("open_tasks"), result.getLong("overdue")));
                });
        return loads;
    }

    /** How many tasks match, counted no further than one beyond the limit: the list never counts them all. */
    private long countUpTo(Collection<Long> statusIds, String filters, MapSqlParameterSource parameters) {
        parameters.addValue("statuses", statusIds).addValue("countLimit", TaskListPage.COUNT_LIMIT + 1);
        return jdbc.queryForObject("select count(*) from (select 1 from task t where t.status_id in (:statuses)"
                + filters + " limit :countLimit) matching", parameters, Long.class);
    }

    /** The filters beside the status, each starting with " and ". */
    private static String filters(TaskListFilter filter, MapSqlParameterSource parameters) {
        var where = new StringBuilder();
        pick(where, "t.responsible_id", "responsible", filter.responsible(), parameters);
        pick(where, "t.client_id", "client", filter.client(), parameters);
        pick(where, "t.category_id", "category", filter.category(), parameters);
        return where.toString();
    }

    private static void pick(StringBuilder where, String column, String name, TaskListFilter.Pick pick,
            MapSqlParameterSource parameters) {
        if (pick.unset()) {
            where.append(" and ").append(column).append(" is null");
        } else if (pick.id() != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            parameters.addValue(name, pick.id());
        }
    }

    private static TaskListRow row(ResultSet result, int index) throws SQLException {
        Timestamp deadline = result.getTimestamp("deadline");
        return new TaskListRow(result.getLong("id"), result.getLong("number"), result.getString("title"),
                result.getBoolean("internal"), Priority.valueOf(result.getString("priority")),
                result.getString("status_name"), result.getString("status_color"),
                StatusKind.valueOf(result.getString("status_kind")), result.getObject("client_id", Long.class),
                result.getString("client_name"), result.getObject("category_id", Long.class),
                result.getString("category_name"), result.getObject("responsible_id", Long.class),
                result.getString("responsible_name"), result.getBoolean("responsible_active"),
                result.getObject("co_executor_id", Long.class), result.getString("co_executor_name"),
                deadline == null ? Deadline.NONE
                        : new Deadline(deadline.toInstant(), result.getBoolean("deadline_has_time")),
                result.getTimestamp("last_activity_at").toInstant(), result.getLong("version"),
                result.getBoolean("unread"));
    }

    /** How many open tasks one responsible has, and how many of them are overdue. */
    record OpenTasks(long open, long overdue) {
    }
}
