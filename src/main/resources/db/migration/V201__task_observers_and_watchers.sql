-- Participants beyond the brief's three: any number of observers on the provider's side (usually a
-- manager) and of watchers on the client's side (colleagues of the contact who follow the task).
create table task_observer (
    task_id    bigint not null,
    person_id  bigint not null,
    constraint task_observer_pk primary key (task_id, person_id),
    constraint task_observer_task_fk foreign key (task_id) references task (id),
    constraint task_observer_person_fk foreign key (person_id) references person (id)
);

create table task_watcher (
    task_id    bigint not null,
    person_id  bigint not null,
    constraint task_watcher_pk primary key (task_id, person_id),
    constraint task_watcher_task_fk foreign key (task_id) references task (id),
    constraint task_watcher_person_fk foreign key (person_id) references person (id)
);

-- A watcher sees the task in their list: find a person's watched tasks quickly.
create index task_watcher_person_ix on task_watcher (person_id);
create index task_observer_person_ix on task_observer (person_id);
