-- The employee queue (issues 5 and 10, docs/queue.md): an employee's open tasks, grouped and in working
-- order, read through indexes instead of a scan of every task.
--
-- The status kind lives in task_status, so no index on task could tell open tasks from the rest. Each task
-- keeps a copy of its status's kind, written by the triggers below whatever writes the row (the application,
-- the generator's COPY, demo data). A status keeps its kind for life in the application; should a kind be
-- changed in the database all the same, its tasks follow.
alter table task add column status_kind varchar(20);

update task t set status_kind = s.kind from task_status s where s.id = t.status_id;

alter table task alter column status_kind set not null;
alter table task add constraint task_status_kind_known
    check (status_kind in ('NEW', 'ACTIVE', 'WAITING', 'RESOLVED', 'CLOSED'));

create function task_copy_status_kind() returns trigger language plpgsql as $$
begin
    new.status_kind := (select kind from task_status where id = new.status_id);
    return new;
end
$$;

create trigger task_status_kind_on_insert before insert on task
    for each row execute function task_copy_status_kind();
create trigger task_status_kind_on_update before update of status_id on task
    for each row when (new.status_id is distinct from old.status_id) execute function task_copy_status_kind();

create function task_status_kind_follows() returns trigger language plpgsql as $$
begin
    update task set status_kind = new.kind where status_id = new.id;
    return null;
end
$$;

create trigger task_status_kind_changed after update of kind on task_status
    for each row when (new.kind is distinct from old.kind) execute function task_status_kind_follows();

-- The working order inside a queue group: priority (most urgent first), status kind (new, active, waiting),
-- deadline (none last), creation. Priority and kind are words, so each gets a rank that sorts.
alter table task add column priority_rank smallint not null generated always as (
    case priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end) stored;
alter table task add column status_kind_rank smallint not null generated always as (
    case status_kind when 'NEW' then 0 when 'ACTIVE' then 1 when 'WAITING' then 2 when 'RESOLVED' then 3
    else 4 end) stored;

-- Open tasks of one responsible (and of one co-executor) in working order. Only open tasks are indexed, a
-- few percent of all. Start date and kind ride along, so that the group of each entry is decided inside the
-- index: counting a queue and finding a group's page read no table rows but the page's own.
create index task_queue_responsible_ix
    on task (responsible_id, priority_rank, status_kind_rank, deadline, created_at, id)
    include (start_date, status_kind)
    where status_kind in ('NEW', 'ACTIVE', 'WAITING');
create index task_queue_co_executor_ix
    on task (co_executor_id, priority_rank, status_kind_rank, deadline, created_at, id)
    include (start_date, status_kind)
    where status_kind in ('NEW', 'ACTIVE', 'WAITING') and co_executor_id is not null;
