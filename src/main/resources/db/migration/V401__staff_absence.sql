-- Staff marked absent (vacation, sick leave): routing rules skip them until the mark is removed.
create table staff_absence (
    person_id  bigint      not null,
    since      timestamptz not null default now(),
    constraint staff_absence_pk primary key (person_id),
    constraint staff_absence_person_fk foreign key (person_id) references person (id)
);
