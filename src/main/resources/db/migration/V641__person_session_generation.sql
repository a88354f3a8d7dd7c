-- Sessions remember the generation of the person they were signed in at. Changing the password or
-- deactivating the person moves it on, which ends every older session at its next request, on any node.
alter table person add column session_generation integer not null default 0;
