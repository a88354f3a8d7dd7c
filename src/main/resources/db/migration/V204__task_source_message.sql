-- A task created from a message remembers it: the new task links to the message, and the message to
-- every task created from it. The original conversation goes on untouched.
alter table task add column source_message_id bigint;
alter table task add constraint task_source_message_fk foreign key (source_message_id) references message (id);
create index task_source_message_ix on task (source_message_id) where source_message_id is not null;
