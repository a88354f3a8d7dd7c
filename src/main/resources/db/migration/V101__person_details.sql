-- What the provider knows about a person beyond the name: phone and position (job title).
alter table person
    add column phone      varchar(50)  not null default '',
    add column job_title  varchar(200) not null default '';
