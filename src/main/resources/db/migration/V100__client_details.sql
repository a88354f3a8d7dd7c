-- Client companies get the legal details later used on invoices (ИНН, КПП, address) and free notes.
-- ИНН has 10 digits for an organisation and 12 for an individual entrepreneur; КПП has 9.
alter table client
    add column inn            varchar(12),
    add column kpp            varchar(9),
    add column legal_address  varchar(500) not null default '',
    add column notes          text         not null default '';

alter table client add constraint client_inn_digits check (inn ~ '^([0-9]{10}|[0-9]{12})$');
alter table client add constraint client_kpp_digits check (kpp ~ '^[0-9]{9}$');

-- The staff client list is ordered by name.
create index client_name_ix on client (lower(name));
