-- A person's own settings: the interface language and which e-mail notifications they want.
alter table person
    add column language               varchar(2) not null default 'ru',
    add column notify_messages        boolean    not null default true,
    add column notify_status_changes  boolean    not null default true,
    add column notify_assignments     boolean    not null default true;

alter table person add constraint person_language_known check (language in ('ru', 'en'));
