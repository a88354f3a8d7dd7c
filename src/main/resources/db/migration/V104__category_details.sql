-- Categories get a description for the people who choose them.
alter table category add column description varchar(2000) not null default '';
