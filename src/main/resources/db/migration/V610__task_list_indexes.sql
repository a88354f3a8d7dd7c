-- The staff list (DESIGN.md §2.9, docs/lists.md) reads a page per status and merges them: each index below
-- starts with the status, so that a page of one status in the wanted order is a short index range, however
-- many tasks there are and however deep the page. Each ends in the task number, which breaks ties.

-- By number, and for every other order the columns it sorts and filters by, so that sorting a status's
-- tasks by client, priority or whether they are unread reads this index alone. The count (capped) and the
-- workload strip (open and overdue tasks per responsible) read it too.
create index task_list_number_ix on task (status_id, number)
    include (id, client_id, category_id, responsible_id, co_executor_id, priority, deadline, last_activity_at,
             title);

-- Last activity, the default order.
create index task_list_activity_ix on task (status_id, last_activity_at, number);

-- Deadline; a task without one sorts as if its deadline were infinitely far away, the expression the list
-- orders by.
create index task_list_deadline_ix on task (status_id, (coalesce(deadline, 'infinity'::timestamptz)), number);

-- The plain activity index served the list this replaces; left in place, the planner would walk it and
-- skip every task of another status (if exists: another change may drop it too).
drop index if exists task_activity_ix;

-- The unread mark of each row: the viewer's unread notifications, as a set of task ids.
create index notification_unread_task_ix on notification (person_id, task_id) where read_at is null;
