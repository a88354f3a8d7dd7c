-- Staff-set parameters of a task: a co-executor beside the responsible, and whether the deadline was
-- given with a time of day. Without one it means the end of that day in the provider's time zone, and
-- pages show it as a date.
alter table task add column co_executor_id bigint;
alter table task add column deadline_has_time boolean not null default true;

alter table task add constraint task_co_executor_fk foreign key (co_executor_id) references person (id);
alter table task add constraint task_co_executor_not_responsible
    check (co_executor_id is null or responsible_id is null or co_executor_id <> responsible_id);
