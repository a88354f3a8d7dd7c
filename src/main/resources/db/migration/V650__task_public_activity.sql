-- The last activity a client can see. An internal message or a change only staff see moves a task up the staff's
-- lists (last_activity_at) but not up the client's list, where it would say «updated» with nothing new to read.
alter table task add column public_activity_at timestamptz;
update task set public_activity_at = last_activity_at;

-- Rows written around the application (demo data, the generator, restores) name only last_activity_at.
create function task_public_activity_default() returns trigger language plpgsql as $$
begin
    if new.public_activity_at is null then
        new.public_activity_at := new.last_activity_at;
    end if;
    return new;
end
$$;

create trigger task_public_activity_default before insert on task
    for each row execute function task_public_activity_default();

alter table task alter column public_activity_at set not null;

create index task_contact_public_activity_ix on task (contact_id, public_activity_at desc);
create index task_client_public_activity_ix on task (client_id, public_activity_at desc);
